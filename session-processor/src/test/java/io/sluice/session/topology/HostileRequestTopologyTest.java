package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRejected;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.FinishRejected;
import io.sluice.events.FinishRequested;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRejected;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.UploadLimitSettings;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Sha256;
import io.sluice.upload.UploadLimits;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Requests a direct producer can publish that break the upload rules, with the limits the services
 * run with by default: each becomes a rejection with the rule's code at a cost bounded by the
 * record's own size — no session is made for a bad opening, nothing is allocated per claimed chunk
 * — and the next ordinary upload is accepted.
 */
class HostileRequestTopologyTest {

    private static final UploadLimits DEFAULT_LIMITS = UploadLimitSettings.from(SluiceConfig.of(Map.of()));
    private static final int CHUNK = 64 * 1024;

    private final SessionProcessorDriver driver = new SessionProcessorDriver(DEFAULT_LIMITS,
            Set.of(SessionProcessorDriver.TENANT, SessionProcessorDriver.OTHER_TENANT));
    private final String upload = UploadIds.newUploadId();

    HostileRequestTopologyTest() throws Exception {}

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldRejectTheBillionChunkOpeningWithoutMakingASession() {
        assertOpeningRejected(o -> o.setSize(1_000_000_000L).setChunkSize(1).setChunkCount(1_000_000_000),
                RejectionReason.INVALID_CHUNK_SIZE);
    }

    @Test
    void shouldRejectAnOpeningWithMoreChunksThanTheMaximumNamingTheChunkSizeThatFits() {
        UploadRejected rejected = assertOpeningRejected(o -> o.setSize(100L << 30).setChunkSize(CHUNK)
                .setChunkCount(1_638_400), RejectionReason.TOO_MANY_CHUNKS);
        assertThat(rejected.getDetail()).contains("1073742");
    }

    @Test
    void shouldRejectAnOpeningWhoseSizeIsNotPositiveOrBeyondTheMaximum() {
        assertOpeningRejected(o -> o.setSize(0).setChunkCount(0), RejectionReason.INVALID_SIZE);
        assertOpeningRejected(o -> o.setSize(-5).setChunkCount(0), RejectionReason.INVALID_SIZE);
        assertOpeningRejected(o -> o.setSize((100L << 30) + 1).setChunkSize(16 << 20).setChunkCount(6401),
                RejectionReason.UPLOAD_TOO_LARGE);
    }

    @Test
    void shouldRejectAnOpeningWithAChunkSizeOutsideTheBounds() {
        assertOpeningRejected(o -> o.setChunkSize((16 << 20) + 1).setChunkCount(1), RejectionReason.INVALID_CHUNK_SIZE);
    }

    @Test
    void shouldRejectAnOpeningWithAMebibyteFileNameAndWithUnsafeNames() {
        assertOpeningRejected(o -> o.setFileName("a".repeat(1 << 20)), RejectionReason.INVALID_FILE_NAME);
        for (String name : new String[] {"a\u202egnp.exe", " ", "CON", "../etc/passwd", "report."}) {
            assertOpeningRejected(o -> o.setFileName(name), RejectionReason.INVALID_FILE_NAME);
        }
    }

    @Test
    void shouldRejectAnOpeningWithAHundredThousandMetadataEntries() {
        Map<String, String> metadata = new HashMap<>();
        IntStream.range(0, 100_000).forEach(i -> metadata.put("k" + i, "v"));
        UploadRejected rejected = assertOpeningRejected(o -> o.setMetadata(metadata), RejectionReason.INVALID_REQUEST);
        assertThat(rejected.getDetail()).contains("metadata");
    }

    @Test
    void shouldRejectAnOpeningWithABadContentTypeHashKeyOrDerivative() {
        assertOpeningRejected(o -> o.setContentType("text/html\r\nSet-Cookie: a=b"), RejectionReason.INVALID_REQUEST);
        assertOpeningRejected(o -> o.setSha256("not a hash"), RejectionReason.INVALID_REQUEST);
        assertOpeningRejected(o -> o.setIdempotencyKey("k".repeat(256)), RejectionReason.INVALID_REQUEST);
        assertOpeningRejected(o -> o.setDerivativeOf(new DerivativeLink("../../etc", DerivativeRole.DISPLAY)),
                RejectionReason.INVALID_REQUEST);
    }

    @Test
    void shouldRejectAnOpeningWhoseChunkCountIsNotTheGrids() {
        UploadRejected rejected = assertOpeningRejected(o -> o.setChunkCount(1_000_000_000), RejectionReason.INVALID_REQUEST);
        assertThat(rejected.getDetail()).contains("chunkCount");
    }

    @Test
    void shouldRejectAChunkWhoseStatedLengthIsNotItsBytesAndShowItInTheStatus() {
        driver.open(upload, 2 * CHUNK, CHUNK);
        driver.decisions();
        byte[] bytes = new byte[CHUNK];
        driver.requests(upload, new UploadRequest(ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(upload).setTenant(SessionProcessorDriver.TENANT).setTimestamp(driver.now()).setIndex(0)
                .setLength(Integer.MAX_VALUE).setSha256(Sha256.hex(Sha256.of(bytes))).setBytes(ByteBuffer.wrap(bytes))
                .build()));

        assertThat(driver.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(RejectionReason.CHUNK_SIZE_MISMATCH));
        assertThat(driver.statuses().get(upload).getRejectedChunks()).singleElement()
                .satisfies(chunk -> assertThat(chunk.getReason()).isEqualTo(RejectionReason.CHUNK_SIZE_MISMATCH));
        assertOrdinaryUploadIsAccepted();
    }

    @Test
    void shouldRejectAChunkPastTheCountAndShowItInTheStatus() {
        driver.open(upload, 2 * CHUNK, CHUNK);
        driver.decisions();
        driver.sendChunk(upload, Integer.MAX_VALUE, new byte[CHUNK]);

        assertThat(driver.decisions()).singleElement().isInstanceOfSatisfying(ChunkRejected.class,
                rejected -> assertThat(rejected.getReason()).isEqualTo(RejectionReason.CHUNK_INDEX_OUT_OF_RANGE));
        assertThat(driver.statuses().get(upload).getRejectedChunks()).singleElement()
                .satisfies(chunk -> assertThat(chunk.getIndex()).isEqualTo(Integer.MAX_VALUE));
        assertOrdinaryUploadIsAccepted();
    }

    @Test
    void shouldRejectAChunkAndAFinishForAnUploadNeverOpenedWithoutMakingASession() {
        driver.sendChunk(upload, 7, new byte[CHUNK]);
        driver.requests(upload, new UploadRequest(FinishRequested.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(upload).setTenant(SessionProcessorDriver.TENANT).setTimestamp(driver.now())
                .setSize(Long.MAX_VALUE).setSha256("ab".repeat(32)).build()));

        assertThat(driver.decisions()).satisfiesExactly(
                chunk -> assertThat(((ChunkRejected) chunk).getReason()).isEqualTo(RejectionReason.UNKNOWN_UPLOAD),
                finish -> assertThat(((FinishRejected) finish).getReason()).isEqualTo(RejectionReason.UNKNOWN_UPLOAD));
        assertThat(driver.sessionsStore().get(upload)).isNull();
        assertThat(driver.statuses()).doesNotContainKey(upload);
        assertOrdinaryUploadIsAccepted();
    }

    @Test
    void shouldRejectAMalformedFinishLeavingTheUploadOpen() {
        driver.open(upload, 2 * CHUNK, CHUNK);
        driver.decisions();
        for (FinishRequested.Builder finish : new FinishRequested.Builder[] {
                finishOf(upload).setSize(-1), finishOf(upload).setSha256("not a hash")}) {
            driver.requests(upload, new UploadRequest(finish.build()));
            assertThat(driver.decisions()).singleElement().isInstanceOfSatisfying(FinishRejected.class,
                    rejected -> assertThat(rejected.getReason()).isEqualTo(RejectionReason.INVALID_REQUEST));
        }
        assertThat(driver.statuses().get(upload).getState()).isEqualTo(io.sluice.events.UploadState.OPEN);
    }

    private FinishRequested.Builder finishOf(String uploadId) {
        return FinishRequested.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(SessionProcessorDriver.TENANT).setTimestamp(driver.now()).setSize(2 * CHUNK)
                .setSha256("ab".repeat(32));
    }

    private UploadRejected assertOpeningRejected(UnaryOperator<UploadOpened.Builder> hostile, RejectionReason reason) {
        String uploadId = UploadIds.newUploadId();
        String eventId = driver.open(hostile.apply(driver.opened(uploadId, 2 * CHUNK, CHUNK)).build());

        UploadRejected rejected = (UploadRejected) driver.decisions().getFirst();
        assertThat(rejected.getReason()).as("%s", rejected.getDetail()).isEqualTo(reason);
        assertThat(rejected.getCausationId()).isEqualTo(eventId);
        assertThat(driver.sessionsStore().get(uploadId)).isNull();
        assertThat(driver.statuses()).doesNotContainKey(uploadId);
        assertOrdinaryUploadIsAccepted();
        return rejected;
    }

    private void assertOrdinaryUploadIsAccepted() {
        String ordinary = UploadIds.newUploadId();
        driver.open(ordinary, 2 * CHUNK, CHUNK);
        assertThat(driver.decisions()).singleElement().isInstanceOf(UploadAccepted.class);
        driver.statuses();
    }
}
