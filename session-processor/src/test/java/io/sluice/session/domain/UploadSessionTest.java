package io.sluice.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.session.domain.UploadEvent.AbortRejected;
import io.sluice.session.domain.UploadEvent.ChunkAccepted;
import io.sluice.session.domain.UploadEvent.ChunkRejected;
import io.sluice.session.domain.UploadEvent.FinishRejected;
import io.sluice.session.domain.UploadEvent.UploadAborted;
import io.sluice.session.domain.UploadEvent.UploadCompleted;
import io.sluice.session.domain.UploadEvent.UploadExpired;
import io.sluice.session.domain.UploadEvent.UploadFailed;
import io.sluice.session.domain.UploadEvent.UploadVerified;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class UploadSessionTest {

    private static final int CHUNK = 1024;
    private static final long NO_PARKING_LIMIT = Long.MAX_VALUE;

    private final InMemoryParkedChunks parked = new InMemoryParkedChunks();
    private final InMemoryChunkEntries chunks = new InMemoryChunkEntries();
    private final byte[] file = randomBytes(CHUNK * 3 + 100, 7);
    private final UploadSpec spec = new UploadSpec("up-1", "tenant-a", file.length, CHUNK, null);
    private final UploadSession session = UploadSession.open(spec, 1_000, parked, chunks);

    @Test
    void shouldComputeChunkCountAndLastChunkLength() {
        assertThat(spec.chunkCount()).isEqualTo(4);
        assertThat(spec.expectedLength(0)).isEqualTo(CHUNK);
        assertThat(spec.expectedLength(3)).isEqualTo(100);
        assertThat(new UploadSpec("u", "t", 2048, 1024, null).expectedLength(1)).isEqualTo(1024);
    }

    @Test
    void shouldVerifyOnlyWhenEveryChunkIsHashedAndStoredAndTheHashMatches() {
        for (int i = 0; i < 4; i++) assertThat(receive(i)).singleElement().isInstanceOf(ChunkAccepted.class);
        assertThat(session.data().bytesHashed()).isEqualTo(file.length);

        assertThat(session.requestFinish(file.length, Sha256.of(file), 2_000)).isEmpty();
        assertThat(session.state()).isEqualTo(UploadState.FINISHING);

        for (int i = 0; i < 3; i++) assertThat(store(i)).isEmpty();
        List<UploadEvent> events = store(3);

        assertThat(events).singleElement().isInstanceOfSatisfying(UploadVerified.class, verified -> {
            assertThat(verified.sha256()).isEqualTo(Sha256.of(file));
            assertThat(verified.size()).isEqualTo(file.length);
            assertThat(verified.chunkSha256()).hasSize(4);
            assertThat(verified.chunkSha256().get(3)).isEqualTo(Sha256.of(chunk(3)));
        });
        assertThat(session.completed("asset-1", 2_000)).containsExactly(new UploadCompleted("asset-1"));
        assertThat(session.state()).isEqualTo(UploadState.FINISHED);
    }

    @Test
    void shouldParkChunksAheadOfTheFrontierAndAbsorbThemWhenTheGapFills() {
        assertThat(receive(2)).singleElement().isInstanceOfSatisfying(ChunkAccepted.class, a -> assertThat(a.parked()).isTrue());
        receive(3);
        assertThat(session.data().hashFrontier()).isZero();
        assertThat(session.data().parkedBytes()).isEqualTo(CHUNK + 100);

        receive(1);
        receive(0);

        assertThat(session.data().hashFrontier()).isEqualTo(4);
        assertThat(session.data().parkedBytes()).isZero();
        assertThat(parked.chunks).isEmpty();
        assertThat(session.data().hash().peek()).isEqualTo(Sha256.of(file));
    }

    @Test
    void shouldRejectAChunkTooFarAheadOnceTheParkingBoundIsReachedAndAcceptItLater() {
        assertThat(session.receiveChunk(2, ChunkBytes.of(chunk(2)), null, 1_000, CHUNK)).singleElement().isInstanceOf(ChunkAccepted.class);

        List<UploadEvent> events = session.receiveChunk(3, ChunkBytes.of(chunk(3)), null, 1_000, CHUNK);

        assertThat(events).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectionReason.TOO_FAR_AHEAD));
        assertThat(session.missing(10)).containsExactly(0, 1, 3);
        receive(0);
        receive(1);
        assertThat(session.receiveChunk(3, ChunkBytes.of(chunk(3)), null, 1_000, CHUNK)).singleElement().isInstanceOf(ChunkAccepted.class);
        assertThat(session.data().hash().peek()).isEqualTo(Sha256.of(file));
    }

    @Test
    void shouldChangeNothingWhenTheSameBytesArriveTwice() {
        receive(0);
        long hashed = session.data().bytesHashed();

        assertThat(receive(0)).isEmpty();
        assertThat(session.data().bytesHashed()).isEqualTo(hashed);
    }

    @Test
    void shouldRejectAConflictingDuplicateAndKeepTheFirstBytes() {
        receive(1);
        byte[] other = randomBytes(CHUNK, 99);

        List<UploadEvent> events = session.receiveChunk(1, ChunkBytes.of(other), null, 1_000, NO_PARKING_LIMIT);

        assertThat(events).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectionReason.CHUNK_CONFLICT));
        assertThat(session.accepted(10).get(1)).isEqualTo(Sha256.of(chunk(1)));
        assertThat(parked.take("up-1", 1)).isEqualTo(chunk(1));
    }

    @Test
    void shouldRejectMalformedChunks() {
        assertThat(reason(session.receiveChunk(4, ChunkBytes.of(chunk(0)), null, 0, NO_PARKING_LIMIT))).isEqualTo(RejectionReason.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(reason(session.receiveChunk(-1, ChunkBytes.of(chunk(0)), null, 0, NO_PARKING_LIMIT))).isEqualTo(RejectionReason.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(reason(session.receiveChunk(3, ChunkBytes.of(chunk(0)), null, 0, NO_PARKING_LIMIT))).isEqualTo(RejectionReason.CHUNK_SIZE_MISMATCH);
        assertThat(reason(session.receiveChunk(0, ChunkBytes.of(chunk(0)), Sha256.of(chunk(1)), 0, NO_PARKING_LIMIT))).isEqualTo(RejectionReason.DIGEST_MISMATCH);
        assertThat(session.accepted(10)).isEmpty();
        assertThat(session.data().receivedCount()).isZero();
    }

    @Test
    void shouldRefuseToFinishWithChunksMissingAndStayOpen() {
        receive(0);
        receive(2);

        List<UploadEvent> events = session.requestFinish(file.length, Sha256.of(file), 2_000);

        assertThat(events).singleElement().isInstanceOfSatisfying(FinishRejected.class, r -> {
            assertThat(r.reason()).isEqualTo(RejectionReason.CHUNKS_MISSING);
            assertThat(r.missing()).containsExactly(1, 3);
        });
        assertThat(session.state()).isEqualTo(UploadState.OPEN);
        receive(1);
        receive(3);
        assertThat(session.requestFinish(file.length, Sha256.of(file), 3_000)).isEmpty();
        assertThat(session.state()).isEqualTo(UploadState.FINISHING);
    }

    @Test
    void shouldFailOnAWrongSha256() {
        receiveAll();

        List<UploadEvent> events = session.requestFinish(file.length, Sha256.of(new byte[] {1}), 2_000);

        assertThat(events).singleElement().isInstanceOfSatisfying(UploadFailed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.CHECKSUM_MISMATCH));
        assertThat(session.state()).isEqualTo(UploadState.FAILED);
        assertThat(session.data().failure()).isEqualTo(new Failure(FailureReason.CHECKSUM_MISMATCH,
                Sha256.hex(Sha256.of(new byte[] {1})), Sha256.hex(Sha256.of(file))));
    }

    @Test
    void shouldFailOnAWrongSizeAndDropParkedChunks() {
        receive(2);

        List<UploadEvent> events = session.requestFinish(file.length + 1, Sha256.of(file), 2_000);

        assertThat(events).singleElement().isInstanceOfSatisfying(UploadFailed.class,
                f -> assertThat(f.reason()).isEqualTo(FailureReason.SIZE_MISMATCH));
        assertThat(parked.chunks).isEmpty();
    }

    @Test
    void shouldFailWhenTheHashDiffersFromTheOneDeclaredAtCreation() {
        UploadSession declared = UploadSession.open(
                new UploadSpec("up-2", "t", file.length, CHUNK, Sha256.of(new byte[] {9})), 0, parked, chunks);
        for (int i = 0; i < 4; i++) declared.receiveChunk(i, ChunkBytes.of(chunk(i)), null, 0, NO_PARKING_LIMIT);

        assertThat(declared.requestFinish(file.length, Sha256.of(file), 0)).singleElement().isInstanceOf(UploadFailed.class);
    }

    @Test
    void shouldVerifyAFinishWithoutAHashAgainstTheHashItComputed() {
        receiveAll();
        for (int i = 0; i < 4; i++) store(i);

        assertThat(session.requestFinish(file.length, null, 2_000)).singleElement()
                .isInstanceOfSatisfying(UploadVerified.class, verified -> assertThat(verified.sha256()).isEqualTo(Sha256.of(file)));
        assertThat(session.data().finishSha256()).isEqualTo(Sha256.of(file));
        assertThat(session.requestFinish(file.length, null, 3_000)).as("repeated without a hash").isEmpty();
        assertThat(session.requestFinish(file.length, Sha256.of(file), 3_000)).as("repeated with the hash").isEmpty();
    }

    @Test
    void shouldFailAFinishWithoutAHashWhenTheBytesDifferFromTheHashDeclaredAtCreation() {
        byte[] declaredHash = Sha256.of(new byte[] {9});
        UploadSession declared = UploadSession.open(
                new UploadSpec("up-2", "t", file.length, CHUNK, declaredHash), 0, parked, chunks);
        for (int i = 0; i < 4; i++) declared.receiveChunk(i, ChunkBytes.of(chunk(i)), null, 0, NO_PARKING_LIMIT);

        assertThat(declared.requestFinish(file.length, null, 0)).singleElement().isInstanceOf(UploadFailed.class);
        assertThat(declared.data().failure()).isEqualTo(new Failure(FailureReason.CHECKSUM_MISMATCH,
                Sha256.hex(declaredHash), Sha256.hex(Sha256.of(file))));
    }

    @Test
    void shouldStillRefuseAFinishWithoutAHashWhileChunksAreMissing() {
        receive(0);

        assertThat(session.requestFinish(file.length, null, 2_000)).singleElement()
                .isInstanceOfSatisfying(FinishRejected.class, r -> assertThat(r.reason()).isEqualTo(RejectionReason.CHUNKS_MISSING));
        assertThat(session.state()).isEqualTo(UploadState.OPEN);
    }

    @Test
    void shouldCountAStoredReportThatArrivesBeforeItsChunk() {
        for (int i = 0; i < 4; i++) store(i);
        receiveAll();

        List<UploadEvent> events = session.requestFinish(file.length, Sha256.of(file), 2_000);

        assertThat(events).singleElement().isInstanceOf(UploadVerified.class);
    }

    @Test
    void shouldIgnoreAStoredReportForBytesThatWereNotAccepted() {
        receiveAll();
        session.requestFinish(file.length, Sha256.of(file), 2_000);
        for (int i = 0; i < 3; i++) store(i);

        assertThat(session.chunkStored(3, Sha256.of(randomBytes(100, 5)))).isEmpty();
        assertThat(session.state()).isEqualTo(UploadState.FINISHING);
        assertThat(store(3)).singleElement().isInstanceOf(UploadVerified.class);
    }

    @Test
    void shouldKeepEarlyReportsForRejectedBytesFromHidingTheAcceptedOnes() {
        byte[] wrongLength = randomBytes(10, 3);
        session.chunkStored(3, Sha256.of(wrongLength));
        session.chunkStored(3, Sha256.of(chunk(3)));
        session.receiveChunk(3, ChunkBytes.of(wrongLength), null, 0, NO_PARKING_LIMIT);
        for (int i = 0; i < 3; i++) store(i);

        receiveAll();

        assertThat(session.requestFinish(file.length, Sha256.of(file), 2_000)).singleElement().isInstanceOf(UploadVerified.class);
    }

    @Test
    void shouldRejectEveryChunkAndFinishOnceTheUploadEnded() {
        session.abort(5_000);

        assertThat(reason(receive(0))).isEqualTo(RejectionReason.UPLOAD_ABORTED);
        assertThat(session.requestFinish(file.length, Sha256.of(file), 0)).singleElement()
                .isInstanceOfSatisfying(FinishRejected.class, r -> assertThat(r.reason()).isEqualTo(RejectionReason.UPLOAD_ABORTED));
    }

    @Test
    void shouldAbortOnceAndTreatARepeatedAbortAsDone() {
        receive(2);

        assertThat(session.abort(5_000)).containsExactly(new UploadAborted());
        assertThat(session.abort(6_000)).isEmpty();
        assertThat(session.state()).isEqualTo(UploadState.ABORTED);
        assertThat(parked.chunks).isEmpty();
    }

    @Test
    void shouldRefuseToAbortAFinishedUpload() {
        finishCompletely();

        assertThat(session.abort(9_000)).singleElement().isInstanceOfSatisfying(AbortRejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectionReason.UPLOAD_FINISHED));
        assertThat(reason(receive(0))).isEqualTo(RejectionReason.UPLOAD_FINISHED);
    }

    @Test
    void shouldTreatARepeatedFinishWithTheSameBodyAsDone() {
        finishCompletely();

        assertThat(session.requestFinish(file.length, Sha256.of(file), 9_000)).isEmpty();
        assertThat(session.requestFinish(file.length, Sha256.of(new byte[] {2}), 9_000)).singleElement()
                .isInstanceOf(FinishRejected.class);
        assertThat(session.state()).isEqualTo(UploadState.FINISHED);
    }

    @Test
    void shouldExpireOnlyWhenIdleForTheTimeToLiveAndStayExpired() {
        receive(0);
        Duration ttl = Duration.ofSeconds(10);

        assertThat(session.isIdle(10_999, ttl)).isFalse();
        assertThat(session.isIdle(11_000, ttl)).isTrue();
        assertThat(session.expire(11_000)).containsExactly(new UploadExpired(1_000));
        assertThat(session.expire(12_000)).isEmpty();
        assertThat(session.isIdle(99_000, ttl)).isFalse();
        assertThat(reason(receive(1))).isEqualTo(RejectionReason.UPLOAD_EXPIRED);
    }

    @Test
    void shouldResumeTheHashFromPersistedStateMidFile() {
        receive(0);
        receive(1);
        SessionData persisted = session.data().copy();

        UploadSession resumed = UploadSession.restore(spec, persisted, parked, chunks.copy());
        resumed.receiveChunk(2, ChunkBytes.of(chunk(2)), null, 0, NO_PARKING_LIMIT);
        resumed.receiveChunk(3, ChunkBytes.of(chunk(3)), null, 0, NO_PARKING_LIMIT);

        assertThat(resumed.data().hash().peek()).isEqualTo(Sha256.of(file));
    }

    @Test
    void shouldHashAnyArrivalOrderToTheSameDigest() {
        byte[] big = randomBytes(CHUNK * 16, 42);
        UploadSession shuffled = UploadSession.open(new UploadSpec("up-3", "t", big.length, CHUNK, null), 0, parked, chunks);
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 16).boxed().toList());
        java.util.Collections.shuffle(order, new Random(1234));

        for (int i : order) {
            shuffled.receiveChunk(i, ChunkBytes.of(Arrays.copyOfRange(big, i * CHUNK, (i + 1) * CHUNK)), null, 0, NO_PARKING_LIMIT);
        }

        assertThat(shuffled.data().hash().peek()).isEqualTo(Sha256.of(big));
    }

    private void finishCompletely() {
        receiveAll();
        session.requestFinish(file.length, Sha256.of(file), 2_000);
        for (int i = 0; i < 4; i++) store(i);
        session.completed("asset-1", 2_000);
    }

    private void receiveAll() {
        for (int i = 0; i < 4; i++) receive(i);
    }

    private List<UploadEvent> receive(int index) {
        return session.receiveChunk(index, ChunkBytes.of(chunk(index)), null, 1_000, NO_PARKING_LIMIT);
    }

    private List<UploadEvent> store(int index) {
        return session.chunkStored(index, Sha256.of(chunk(index)));
    }

    private byte[] chunk(int index) {
        return Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK));
    }

    private static RejectionReason reason(List<UploadEvent> events) {
        assertThat(events).hasSize(1);
        return switch (events.getFirst()) {
            case ChunkRejected r -> r.reason();
            case FinishRejected r -> r.reason();
            default -> throw new AssertionError("not a rejection: " + events);
        };
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
