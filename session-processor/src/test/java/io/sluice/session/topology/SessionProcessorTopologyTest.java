package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AbortRejected;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkRejected;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.FailureReason;
import io.sluice.events.FinishRejected;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadRejected;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Sha256;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every transition of the upload lifecycle, through the real topology on {@code TopologyTestDriver}. */
class SessionProcessorTopologyTest {

    private static final int CHUNK = 1000;
    private static final String UPLOAD = UploadIds.newUploadId();

    private final byte[] file = bytes(CHUNK * 3 + 250, 1);
    private SessionProcessorDriver driver;

    private SessionProcessorDriver driver(long parkedLimit) throws Exception {
        driver = new SessionProcessorDriver(parkedLimit);
        return driver;
    }

    @AfterEach
    void close() {
        if (driver != null) driver.close();
    }

    @Test
    void shouldOpenAnUploadAndPublishItsStatus() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);

        String request = d.open(UPLOAD, file.length, CHUNK);

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadAccepted.class, a -> {
            assertThat(a.getCausationId()).isEqualTo(request);
            assertThat(a.getChunkCount()).isEqualTo(4);
            assertThat(a.getContentType()).as("what the blob writer begins the asset with").isEqualTo("image/jpeg");
            assertThat(a.getRepeated()).isFalse();
        });
        UploadStatus status = d.statuses().get(UPLOAD);
        assertThat(status.getState()).isEqualTo(UploadState.OPEN);
        assertThat(status.getChunkCount()).isEqualTo(4);
        assertThat(status.getRecentOutcomes()).singleElement().satisfies(o -> {
            assertThat(o.getRequestId()).isEqualTo(request);
            assertThat(o.getKind()).isEqualTo(RequestKind.OPEN);
            assertThat(o.getAccepted()).isTrue();
        });
    }

    @Test
    void shouldAnswerARepeatedOpenWithTheSameBodyWithTheSameUploadAndRefuseADifferentBody() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(d.opened(UPLOAD, file.length, CHUNK).setIdempotencyKey("k-1").build());
        d.decisions();

        d.open(d.opened(UPLOAD, file.length, CHUNK).setIdempotencyKey("k-1").build());
        d.open(d.opened(UPLOAD, file.length + 1, CHUNK).setIdempotencyKey("k-1").build());

        List<Object> decisions = d.decisions();
        assertThat(decisions.get(0)).isInstanceOfSatisfying(UploadAccepted.class,
                a -> assertThat(a.getRepeated()).as("the upload is not opened again").isTrue());
        assertThat(decisions.get(1)).isInstanceOfSatisfying(UploadRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.IDEMPOTENCY_KEY_REUSED));
        assertThat(d.statuses().get(UPLOAD).getSize()).isEqualTo(file.length);
    }

    @Test
    void shouldRefuseAnOpenThatDescribesNoValidUpload() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);

        d.open(d.opened(UPLOAD, 100, 10).setChunkCount(3).build());

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.INVALID_REQUEST));
        assertThat(d.statuses()).isEmpty();
    }

    @Test
    void shouldAcceptChunksInOrderAndAdvanceTheHash() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.decisions();

        d.sendChunk(UPLOAD, 0, chunk(0));
        d.sendChunk(UPLOAD, 1, chunk(1));

        assertThat(d.decisions()).allSatisfy(o -> assertThat(o).isInstanceOfSatisfying(ChunkAccepted.class,
                a -> assertThat(a.getParked()).isFalse()));
        UploadStatus status = d.statuses().get(UPLOAD);
        assertThat(status.getBytesHashed()).isEqualTo(2L * CHUNK);
        assertThat(status.getReceivedCount()).isEqualTo(2);
        assertThat(d.receivedChunks(UPLOAD)).containsExactly(0, 1);
    }

    @Test
    void shouldParkAChunkAheadOfTheFrontierDurablyAndAbsorbItWhenTheGapFills() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);

        d.sendChunk(UPLOAD, 2, chunk(2));

        assertThat(d.parkedStore().get(ParkedChunkStore.key(UPLOAD, 2))).isEqualTo(chunk(2));
        assertThat(d.statuses().get(UPLOAD).getParkedBytes()).isEqualTo(CHUNK);
        d.sendChunk(UPLOAD, 0, chunk(0));
        d.sendChunk(UPLOAD, 1, chunk(1));
        assertThat(d.parkedStore().get(ParkedChunkStore.key(UPLOAD, 2))).isNull();
        assertThat(d.statuses().get(UPLOAD).getBytesHashed()).isEqualTo(3L * CHUNK);
    }

    @Test
    void shouldRejectAChunkTooFarAheadAndShowItInTheStatus() throws Exception {
        SessionProcessorDriver d = driver(CHUNK);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 1, chunk(1));
        d.decisions();

        d.sendChunk(UPLOAD, 2, chunk(2));

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.TOO_FAR_AHEAD));
        assertThat(d.statuses().get(UPLOAD).getRejectedChunks()).singleElement()
                .satisfies(r -> assertThat(r.getIndex()).isEqualTo(2));
    }

    @Test
    void shouldIgnoreAnIdenticalDuplicateAndRejectAConflictingOne() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 0, chunk(0));
        d.decisions();
        d.statuses();

        d.sendChunk(UPLOAD, 0, chunk(0));
        assertThat(d.decisions()).isEmpty();
        assertThat(d.statuses()).isEmpty();

        d.sendChunk(UPLOAD, 0, bytes(CHUNK, 99));
        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.CHUNK_CONFLICT));
        assertThat(d.statuses().get(UPLOAD).getBytesHashed()).isEqualTo(CHUNK);
    }

    @Test
    void shouldTreatAnotherTenantsUploadAsUnknown() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.decisions();
        d.statuses();

        d.sendChunk(UPLOAD, SessionProcessorDriver.OTHER_TENANT, 0, chunk(0));

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.UNKNOWN_UPLOAD));
        assertThat(d.statuses().get(UPLOAD)).isNull();
    }

    @Test
    void shouldRefuseToFinishWithChunksMissingNamingThem() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 1, chunk(1));
        d.decisions();

        String request = d.finish(UPLOAD, file.length, Sha256.of(file));

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(FinishRejected.class, r -> {
            assertThat(r.getReason()).isEqualTo(RejectionReason.CHUNKS_MISSING);
            assertThat(r.getMissing()).containsExactly(0, 2, 3);
        });
        UploadStatus status = d.statuses().get(UPLOAD);
        assertThat(status.getState()).isEqualTo(UploadState.OPEN);
        assertThat(outcome(status, request).getMissing()).containsExactly(0, 2, 3);
    }

    @Test
    void shouldGoThroughFinishingToVerifiedAndFinished() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        for (int i = 0; i < 4; i++) d.sendChunk(UPLOAD, i, chunk(i));
        for (int i = 0; i < 3; i++) d.reportStored(UPLOAD, i, chunk(i));
        d.decisions();

        String request = d.finish(UPLOAD, file.length, Sha256.of(file));
        assertThat(d.decisions()).isEmpty();
        UploadStatus finishing = d.statuses().get(UPLOAD);
        assertThat(finishing.getState()).isEqualTo(UploadState.FINISHING);
        assertThat(outcome(finishing, request).getAccepted()).isTrue();

        d.reportStored(UPLOAD, 3, chunk(3));
        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadVerified.class, v -> {
            assertThat(v.getSha256()).isEqualTo(Sha256.hex(Sha256.of(file)));
            assertThat(v.getAssetId()).isEqualTo(UploadIds.assetIdFor(UPLOAD));
            assertThat(v.getChunks()).hasSize(4);
            assertThat(v.getChunks().get(3).getLength()).isEqualTo(250);
            assertThat(v.getChunks().get(3).getObjectKey())
                    .isEqualTo(ObjectKeys.chunk(UPLOAD, 3, Sha256.hex(Sha256.of(chunk(3)))));
        });

        d.announceFinished(UPLOAD, file.length, Sha256.of(file));
        UploadStatus finished = d.statuses().get(UPLOAD);
        assertThat(finished.getState()).isEqualTo(UploadState.FINISHED);
        assertThat(finished.getAssetId()).isEqualTo(UploadIds.assetIdFor(UPLOAD));
        assertThat(finished.getStoredCount()).isEqualTo(4);
        assertThat(d.storedChunks(UPLOAD)).containsExactly(0, 1, 2, 3);
    }

    @Test
    void shouldFailOnAWrongChecksumAndRejectLaterChunks() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        for (int i = 0; i < 4; i++) d.sendChunk(UPLOAD, i, chunk(i));
        d.decisions();

        d.finish(UPLOAD, file.length, Sha256.of(new byte[] {1}));

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadFailed.class,
                f -> assertThat(f.getReason()).isEqualTo(FailureReason.CHECKSUM_MISMATCH));
        UploadStatus status = d.statuses().get(UPLOAD);
        assertThat(status.getState()).isEqualTo(UploadState.FAILED);
        assertThat(status.getError().getActual()).isEqualTo(Sha256.hex(Sha256.of(file)));
        d.sendChunk(UPLOAD, 0, chunk(0));
        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.UPLOAD_FAILED));
    }

    @Test
    void shouldFailOnAWrongSize() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.decisions();

        d.finish(UPLOAD, file.length - 1, Sha256.of(file));

        assertThat(d.decisions()).singleElement().isInstanceOfSatisfying(UploadFailed.class, f -> {
            assertThat(f.getReason()).isEqualTo(FailureReason.SIZE_MISMATCH);
            assertThat(f.getExpectedSize()).isEqualTo(file.length);
        });
    }

    @Test
    void shouldAbortOnceAndRefuseToAbortAFinishedUpload() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 3, chunk(3));
        d.decisions();

        d.abort(UPLOAD);
        d.abort(UPLOAD);

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadAborted.class);
        assertThat(d.statuses().get(UPLOAD).getState()).isEqualTo(UploadState.ABORTED);
        assertThat(d.parkedStore().get(ParkedChunkStore.key(UPLOAD, 3))).isNull();

        String other = UploadIds.newUploadId();
        finishCompletely(d, other);
        d.abort(other);
        assertThat(d.decisions()).last().isInstanceOfSatisfying(AbortRejected.class,
                r -> assertThat(r.getReason()).isEqualTo(RejectionReason.UPLOAD_FINISHED));
    }

    @Test
    void shouldExpireAnIdleUploadThroughAnEventOnTheRequestTopic() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        d.sendChunk(UPLOAD, 2, chunk(2));
        d.decisions();

        d.advance(SessionProcessorDriver.TTL.minusSeconds(30));
        assertThat(d.expiryRequests()).isEmpty();
        d.advance(Duration.ofSeconds(35));
        List<?> expiryRequests = d.expiryRequests();

        assertThat(expiryRequests).singleElement().satisfies(r ->
                assertThat(((io.sluice.events.UploadRequest) r).getPayload()).isInstanceOf(ExpiryRequested.class));
        assertThat(d.decisions()).singleElement().isInstanceOf(UploadExpired.class);
        assertThat(d.statuses().get(UPLOAD).getState()).isEqualTo(UploadState.EXPIRED);
        assertThat(d.parkedStore().get(ParkedChunkStore.key(UPLOAD, 2))).isNull();
    }

    @Test
    void shouldIgnoreAnExpiryRequestOvertakenByActivity() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        d.open(UPLOAD, file.length, CHUNK);
        java.time.Instant openedAt = d.now();
        d.advance(Duration.ofMinutes(1));
        d.sendChunk(UPLOAD, 0, chunk(0)); // arrives after the punctuator asked, before its request is read
        d.decisions();

        d.requestExpiry(UPLOAD, openedAt);

        assertThat(d.decisions()).as("decisions after a stale expiry request").isEmpty();
        assertThat(d.statuses().get(UPLOAD).getState()).isEqualTo(UploadState.OPEN);
    }

    @Test
    void shouldKeepStoredReportsThatOvertookTheOpeningOfTheirUpload() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        for (int i = 0; i < 4; i++) d.reportStored(UPLOAD, i, chunk(i));

        d.open(UPLOAD, file.length, CHUNK);
        for (int i = 0; i < 4; i++) d.sendChunk(UPLOAD, i, chunk(i));
        d.decisions();
        d.finish(UPLOAD, file.length, Sha256.of(file));

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadVerified.class);
    }

    @Test
    void shouldVerifyChunksSentInAShuffledOrder() throws Exception {
        SessionProcessorDriver d = driver(Long.MAX_VALUE);
        byte[] big = bytes(CHUNK * 16, 5);
        d.open(UPLOAD, big.length, CHUNK);
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, 16).boxed().toList());
        java.util.Collections.shuffle(order, new Random(77));
        for (int i : order) {
            byte[] piece = Arrays.copyOfRange(big, i * CHUNK, (i + 1) * CHUNK);
            d.sendChunk(UPLOAD, i, piece);
            d.reportStored(UPLOAD, i, piece);
        }
        d.decisions();

        d.finish(UPLOAD, big.length, Sha256.of(big));

        assertThat(d.decisions()).singleElement().isInstanceOf(UploadVerified.class);
    }

    private void finishCompletely(SessionProcessorDriver d, String uploadId) {
        d.open(uploadId, file.length, CHUNK);
        for (int i = 0; i < 4; i++) {
            d.sendChunk(uploadId, i, chunk(i));
            d.reportStored(uploadId, i, chunk(i));
        }
        d.finish(uploadId, file.length, Sha256.of(file));
        d.announceFinished(uploadId, file.length, Sha256.of(file));
        d.decisions();
    }

    private static RequestOutcome outcome(UploadStatus status, String requestId) {
        return status.getRecentOutcomes().stream().filter(o -> o.getRequestId().equals(requestId)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome for " + requestId));
    }

    private byte[] chunk(int index) {
        return Arrays.copyOfRange(file, index * CHUNK, Math.min(file.length, (index + 1) * CHUNK));
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

}
