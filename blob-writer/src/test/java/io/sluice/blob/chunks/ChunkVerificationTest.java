package io.sluice.blob.chunks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChunkVerificationTest {

    private static final byte[] BYTES = "chunk bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SHA256 = ChunkVerification.sha256Hex(BYTES);

    @Test
    void shouldComputeTheKnownDigest() {
        assertThat(ChunkVerification.sha256Hex("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void shouldVerifyBytesMatchingTheirLengthAndDigest() {
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length, SHA256)).contains(SHA256);
    }

    @Test
    void shouldAnswerLowercaseForAnUppercaseClaim() {
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length, SHA256.toUpperCase(Locale.ROOT)))
                .contains(SHA256);
    }

    @Test
    void shouldRefuseBytesWithAnotherDigest() {
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length, "0".repeat(64))).isEmpty();
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length, "not hex")).isEmpty();
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length, null)).isEmpty();
    }

    @Test
    void shouldRefuseBytesOfAnotherLength() {
        assertThat(ChunkVerification.verifiedSha256(BYTES, BYTES.length + 1, SHA256)).isEmpty();
    }
}
