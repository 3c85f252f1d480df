package io.sluice.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.domain.UploadEvent.ChunkAccepted;
import io.sluice.session.domain.UploadEvent.UploadVerified;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random sequences of valid and invalid operations against one upload session, checking after
 * every step the invariants docs/contract.md states: never verified or FINISHED without every chunk
 * received and stored and the size and SHA-256 matching (I2); accepted bytes never change (I6);
 * terminal states stay terminal.
 */
class UploadSessionPropertiesTest {

    private static final int CHUNK = 16;
    private static final byte[] FILE = fileOf(CHUNK * 4 + 7);
    private static final int CHUNKS = 5;

    /** One operation a client, the blob writer, the clock or the index projector can cause. */
    sealed interface Step {
        record Chunk(int index, byte[] bytes) implements Step {}
        record Stored(int index, byte[] sha256) implements Step {}
        record Finish(long size, byte[] sha256) implements Step {}
        record Abort() implements Step {}
        record Expire() implements Step {}
        record Completed() implements Step {}
    }

    @Property(tries = 1000)
    void shouldKeepTheInvariantsUnderAnySequenceOfOperations(@ForAll("sequences") List<Step> steps) {
        InMemoryParkedChunks parked = new InMemoryParkedChunks();
        UploadSession session = UploadSession.open(new UploadSpec("up", "t", FILE.length, CHUNK, null), 0, parked,
                new InMemoryChunkEntries());
        Map<Integer, byte[]> acceptedBytes = new HashMap<>();
        UploadState terminalSeen = null;
        long now = 0;
        for (Step step : steps) {
            now += 10;
            List<UploadEvent> events = apply(session, step, now);
            for (UploadEvent event : events) {
                if (event instanceof ChunkAccepted accepted) {
                    byte[] bytes = ((Step.Chunk) step).bytes();
                    assertThat(acceptedBytes).as("an index is accepted once").doesNotContainKey(accepted.index());
                    acceptedBytes.put(accepted.index(), bytes);
                }
                if (event instanceof UploadVerified verified) assertVerifiedMeansComplete(session, verified, acceptedBytes);
            }
            for (Map.Entry<Integer, byte[]> accepted : acceptedBytes.entrySet()) {
                assertThat(session.accepted(CHUNKS).get(accepted.getKey()))
                        .as("accepted bytes of chunk %d never change", accepted.getKey())
                        .isEqualTo(Sha256.of(accepted.getValue()));
            }
            assertThat(session.data().receivedCount()).as("the received count is the accepted entries")
                    .isEqualTo(session.accepted(CHUNKS).size()).isEqualTo(acceptedBytes.size());
            assertThat(session.data().storedCount()).as("the stored count is the stored entries")
                    .isEqualTo(session.stored(CHUNKS).size());
            if (terminalSeen != null) assertThat(session.state()).as("terminal states are final").isEqualTo(terminalSeen);
            if (session.state().isTerminal()) terminalSeen = session.state();
            if (session.state() == UploadState.FINISHED) assertThat(session.data().verified()).isTrue();
            assertThat(session.data().bytesHashed()).isEqualTo(contiguousPrefixLength(acceptedBytes));
        }
        Statistics.label("final state").collect(session.state());
        // the sequences must reach every outcome, or the invariants above were checked on nothing
        Statistics.label("final state").coverage(coverage -> {
            for (UploadState state : UploadState.values()) coverage.check(state).count(n -> n > 0);
        });
    }

    private static void assertVerifiedMeansComplete(UploadSession session, UploadVerified verified,
            Map<Integer, byte[]> acceptedBytes) {
        assertThat(acceptedBytes.keySet()).as("every chunk received").hasSize(CHUNKS);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        for (int i = 0; i < CHUNKS; i++) whole.writeBytes(acceptedBytes.get(i));
        assertThat(whole.size()).as("size matches").isEqualTo(FILE.length).isEqualTo((int) verified.size());
        assertThat(verified.sha256()).as("hash of the accepted bytes").isEqualTo(Sha256.of(whole.toByteArray()));
        assertThat(session.stored(CHUNKS)).as("every chunk stored").hasSize(CHUNKS);
        assertThat(session.data().storedCount()).isEqualTo(CHUNKS);
    }

    private static List<UploadEvent> apply(UploadSession session, Step step, long now) {
        return switch (step) {
            case Step.Chunk c -> session.receiveChunk(c.index(), ChunkBytes.of(c.bytes()), null, now, 3L * CHUNK);
            case Step.Stored s -> session.chunkStored(s.index(), s.sha256());
            case Step.Finish f -> session.requestFinish(f.size(), f.sha256(), now);
            case Step.Abort a -> session.abort(now);
            case Step.Expire e -> session.expire(now);
            case Step.Completed c -> session.completed("asset", now);
        };
    }

    private static long contiguousPrefixLength(Map<Integer, byte[]> acceptedBytes) {
        long length = 0;
        for (int i = 0; acceptedBytes.containsKey(i); i++) length += acceptedBytes.get(i).length;
        return length;
    }

    /**
     * Three kinds of sequences: pure noise; a client doing the right thing in a shuffled order with
     * noise mixed in, then finishing (and sometimes the asset being announced); and the same with
     * the finish placed anywhere. Only the mix reaches every state, which the property checks.
     */
    @Provide
    Arbitrary<List<Step>> sequences() {
        Arbitrary<Step> noise = noise();
        Arbitrary<List<Step>> pureNoise = noise.list().ofMinSize(1).ofMaxSize(60);
        List<Step> rightSteps = new ArrayList<>();
        for (int i = 0; i < CHUNKS; i++) {
            rightSteps.add(new Step.Chunk(i, chunk(i)));
            rightSteps.add(new Step.Stored(i, Sha256.of(chunk(i))));
        }
        Step finish = new Step.Finish(FILE.length, Sha256.of(FILE));
        Arbitrary<List<Step>> wellBehaved = Combinators.combine(
                        noise.list().ofMaxSize(4).flatMap(extra -> Arbitraries.shuffle(concat(rightSteps, extra))),
                        Arbitraries.of(true, false))
                .as((steps, announce) -> {
                    List<Step> all = new ArrayList<>(steps);
                    all.add(finish);
                    if (announce) all.add(new Step.Completed());
                    return all;
                });
        Arbitrary<List<Step>> finishAnywhere = noise.list().ofMaxSize(4)
                .flatMap(extra -> Arbitraries.shuffle(concat(concat(rightSteps, extra), List.of(finish, new Step.Completed()))));
        return Arbitraries.frequencyOf(Tuple.of(1, pureNoise), Tuple.of(3, wellBehaved), Tuple.of(1, finishAnywhere));
    }

    private static Arbitrary<Step> noise() {
        Arbitrary<Integer> index = Arbitraries.integers().between(-1, CHUNKS);
        Arbitrary<Step> rightChunk = Arbitraries.integers().between(0, CHUNKS - 1).map(i -> new Step.Chunk(i, chunk(i)));
        Arbitrary<Step> anyChunk = Combinators.combine(index,
                Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(CHUNK + 2)).as(Step.Chunk::new);
        Arbitrary<Step> wrongContentChunk = Arbitraries.integers().between(0, CHUNKS - 1)
                .map(i -> new Step.Chunk(i, flipped(chunk(i))));
        Arbitrary<Step> storedRight = Arbitraries.integers().between(0, CHUNKS - 1)
                .map(i -> new Step.Stored(i, Sha256.of(chunk(i))));
        Arbitrary<Step> storedWrong = index.map(i -> new Step.Stored(i, Sha256.of(new byte[] {(byte) (int) i})));
        Arbitrary<Step> finishRight = Arbitraries.just(new Step.Finish(FILE.length, Sha256.of(FILE)));
        Arbitrary<Step> finishWithoutHash = Arbitraries.just(new Step.Finish(FILE.length, null));
        Arbitrary<Step> finishWrong = Arbitraries.of(new Step.Finish(FILE.length + 1, Sha256.of(FILE)),
                new Step.Finish(FILE.length, Sha256.of(new byte[] {1})));
        return Arbitraries.frequencyOf(
                Tuple.of(12, rightChunk), Tuple.of(2, anyChunk), Tuple.of(2, wrongContentChunk),
                Tuple.of(10, storedRight), Tuple.of(1, storedWrong), Tuple.of(3, finishRight), Tuple.of(1, finishWithoutHash),
                Tuple.of(1, finishWrong), Tuple.of(1, Arbitraries.just(new Step.Abort())),
                Tuple.of(1, Arbitraries.just(new Step.Expire())), Tuple.of(2, Arbitraries.just(new Step.Completed())));
    }

    private static List<Step> concat(List<Step> first, List<Step> second) {
        List<Step> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static byte[] chunk(int index) {
        return Arrays.copyOfRange(FILE, index * CHUNK, Math.min(FILE.length, (index + 1) * CHUNK));
    }

    private static byte[] flipped(byte[] bytes) {
        byte[] copy = bytes.clone();
        copy[0] ^= 0x5a;
        return copy;
    }

    private static byte[] fileOf(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(11).nextBytes(bytes);
        return bytes;
    }
}
