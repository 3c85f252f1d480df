package io.sluice.session.domain.hash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.service.ServiceJvmFlags;
import java.security.MessageDigest;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class Sha256MidstatesTest {

    private static final Function<Sha256Midstate, Sha256Engine> JDK = JdkSha256Engine::resume;
    private static final Function<Sha256Midstate, Sha256Engine> PORTABLE = Sha256Midstates::resumePortable;

    @Test
    void shouldRunOnTheJdkImplementationInTheBuild() {
        // The build gives every test JVM the flag the services get; without it the session
        // processor hashes ten times slower and nothing else would tell.
        assertThat(JdkSha256Engine.available()).as(Sha256Midstates.implementation()).isTrue();
    }

    @Test
    void shouldNameTheFlagTheServicesRunWith() {
        assertThat(JdkSha256Engine.REQUIRED_FLAG).isEqualTo(ServiceJvmFlags.asText(ServiceJvmFlags.OPENS));
    }

    @Test
    void shouldMatchMessageDigestWhenPausedAndResumedAnywhereByEitherImplementation() throws Exception {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            byte[] input = new byte[random.nextInt(5000)];
            random.nextBytes(input);
            Sha256Midstate state = Sha256Midstate.initial();
            int offset = 0;
            while (offset < input.length) {
                int length = Math.min(input.length - offset, random.nextInt(300));
                Sha256Engine engine = (random.nextBoolean() ? JDK : PORTABLE).apply(state);
                engine.update(input, offset, length);
                offset += length;
                state = Sha256Midstate.decode(engine.midstate().encode());
            }
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(input);
            assertThat(JDK.apply(state).peek()).as("round %d, JDK", round).isEqualTo(expected);
            assertThat(PORTABLE.apply(state).peek()).as("round %d, portable", round).isEqualTo(expected);
            assertThat(state.byteCount()).isEqualTo(input.length);
        }
    }

    @Test
    void shouldHashOnAfterAPeek() throws Exception {
        byte[] input = new byte[200];
        new Random(7).nextBytes(input);
        for (Function<Sha256Midstate, Sha256Engine> implementation : java.util.List.of(JDK, PORTABLE)) {
            Sha256Engine engine = implementation.apply(Sha256Midstate.initial());
            engine.update(input, 0, 100);
            byte[] half = engine.peek();
            engine.update(input, 100, 100);
            assertThat(half).isEqualTo(MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOf(input, 100)));
            assertThat(engine.peek()).isEqualTo(MessageDigest.getInstance("SHA-256").digest(input));
        }
    }

    @Test
    void shouldRefuseBytesThatAreNotAnEncodedMidstate() {
        assertThatThrownBy(() -> Sha256Midstate.decode(new byte[] {1, 2, 3})).isInstanceOf(IllegalArgumentException.class);
        byte[] encoded = Sha256Midstate.initial().encode();
        encoded[0] = 9;
        assertThatThrownBy(() -> Sha256Midstate.decode(encoded)).isInstanceOf(IllegalArgumentException.class);
    }
}
