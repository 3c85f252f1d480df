package io.sluice.e2e;

import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRejected;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.FinishRejected;
import io.sluice.events.FinishRequested;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRejected;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Scenario 9 and invariant I9 on the whole pipeline: a direct producer publishes, with the
 * registry's serdes, request events that break the upload rules. Each is rejected with the rule's
 * code (on the decisions topic, and in the status where there is an upload to show it), the
 * session processor stays ready, and an ordinary upload started afterwards finishes.
 */
@OnSharedPipeline
class HostileProducerTest {

    private static final int CHUNK = 64 * 1024;
    private static final Duration DECISION_WAIT = Duration.ofSeconds(30);

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = pipeline.client();
    }

    static Stream<Arguments> hostileOpenings() {
        Map<String, String> manyEntries = new HashMap<>();
        IntStream.range(0, 100_000).forEach(i -> manyEntries.put("key-" + i, "v"));
        return Stream.of(
                opening("a billion one-byte chunks", o -> o.setSize(1_000_000_000L).setChunkSize(1)
                        .setChunkCount(1_000_000_000), RejectionReason.INVALID_CHUNK_SIZE),
                opening("1.6 million chunks of 64 KiB", o -> o.setSize(100L << 30).setChunkSize(CHUNK)
                        .setChunkCount(1_638_400), RejectionReason.TOO_MANY_CHUNKS),
                opening("a chunk count that is not the grid's", o -> o.setChunkCount(Integer.MAX_VALUE),
                        RejectionReason.INVALID_REQUEST),
                opening("a size of zero", o -> o.setSize(0).setChunkCount(0), RejectionReason.INVALID_SIZE),
                opening("a size beyond the maximum", o -> o.setSize(Long.MAX_VALUE).setChunkSize(16 << 20)
                        .setChunkCount(Integer.MAX_VALUE), RejectionReason.UPLOAD_TOO_LARGE),
                opening("a 1 MiB file name", o -> o.setFileName("a".repeat(1 << 20)), RejectionReason.INVALID_FILE_NAME),
                opening("a right-to-left override in the file name", o -> o.setFileName("a\u202egnp.exe"),
                        RejectionReason.INVALID_FILE_NAME),
                opening("a Windows device name", o -> o.setFileName("CON"), RejectionReason.INVALID_FILE_NAME),
                opening("100,000 metadata entries", o -> o.setMetadata(manyEntries), RejectionReason.INVALID_REQUEST),
                opening("a content type that splits a header", o -> o.setContentType("text/html\r\nX-A: b"),
                        RejectionReason.INVALID_REQUEST),
                opening("a derivative of no asset id", o -> o.setDerivativeOf(
                        new DerivativeLink("../../etc", DerivativeRole.THUMBNAIL)), RejectionReason.INVALID_REQUEST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileOpenings")
    void shouldRejectAHostileOpeningAndFinishTheNextOrdinaryUpload(UnaryOperator<UploadOpened.Builder> hostile,
            RejectionReason reason) throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadOpened opened = hostile.apply(ordinaryOpening(uploadId)).build();

        pipeline.publishRequest(uploadId, opened);

        UploadRejected rejected = (UploadRejected) decisionCausedBy(uploadId, opened.getEventId());
        assertThat(rejected.getReason()).as(rejected.getDetail()).isEqualTo(reason);
        assertProblem404(client.status(uploadId));
        assertPipelineStillWorks();
    }

    @Test
    void shouldRejectAChunkWhoseLengthDisagreesWithItsBytesAndShowItInTheStatus() throws Exception {
        String uploadId = openThroughKafka();
        byte[] bytes = randomFile(CHUNK, 1);
        ChunkReceived lying = chunk(uploadId, 0, bytes).setLength(Integer.MAX_VALUE).build();

        pipeline.publishRequest(uploadId, lying);

        ChunkRejected rejected = (ChunkRejected) decisionCausedBy(uploadId, lying.getEventId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.CHUNK_SIZE_MISMATCH);
        assertThat(rejectedInStatus(uploadId).path("code").asText()).isEqualTo("chunk_size_mismatch");
        assertPipelineStillWorks();
    }

    @Test
    void shouldRejectAChunkIndexPastTheCountAndShowItInTheStatus() throws Exception {
        String uploadId = openThroughKafka();
        ChunkReceived past = chunk(uploadId, Integer.MAX_VALUE, randomFile(CHUNK, 2)).build();

        pipeline.publishRequest(uploadId, past);

        ChunkRejected rejected = (ChunkRejected) decisionCausedBy(uploadId, past.getEventId());
        assertThat(rejected.getReason()).isEqualTo(RejectionReason.CHUNK_INDEX_OUT_OF_RANGE);
        assertThat(rejectedInStatus(uploadId).path("code").asText()).isEqualTo("chunk_index_out_of_range");
        assertPipelineStillWorks();
    }

    @Test
    void shouldRejectAChunkAndAFinishForAnUploadNeverOpened() throws Exception {
        String uploadId = UploadIds.newUploadId();
        ChunkReceived stray = chunk(uploadId, 3, randomFile(CHUNK, 3)).build();
        FinishRequested finish = FinishRequested.newBuilder().setEventId(UUID.randomUUID().toString())
                .setUploadId(uploadId).setTenant(InProcessPipeline.TENANT).setTimestamp(Instant.now())
                .setSize(Long.MAX_VALUE).setSha256("ab".repeat(32)).build();

        pipeline.publishRequest(uploadId, stray);
        pipeline.publishRequest(uploadId, finish);

        assertThat(((ChunkRejected) decisionCausedBy(uploadId, stray.getEventId())).getReason())
                .isEqualTo(RejectionReason.UNKNOWN_UPLOAD);
        assertThat(((FinishRejected) decisionCausedBy(uploadId, finish.getEventId())).getReason())
                .isEqualTo(RejectionReason.UNKNOWN_UPLOAD);
        assertProblem404(client.status(uploadId));
        assertPipelineStillWorks();
    }

    private static Arguments opening(String name, UnaryOperator<UploadOpened.Builder> hostile, RejectionReason reason) {
        return Arguments.of(Named.of(name, hostile), reason);
    }

    private static UploadOpened.Builder ordinaryOpening(String uploadId) {
        Instant now = Instant.now();
        return UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(InProcessPipeline.TENANT).setTimestamp(now).setFileName("direct.bin")
                .setContentType("application/octet-stream").setSize(2L * CHUNK).setChunkSize(CHUNK).setChunkCount(2)
                .setMetadata(Map.of()).setIdleTtlMillis(Duration.ofHours(1).toMillis())
                .setExpiresAt(now.plus(Duration.ofHours(1)));
    }

    /** Opens a two-chunk upload through Kafka and waits for its acceptance. */
    private static String openThroughKafka() throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadOpened opened = ordinaryOpening(uploadId).build();
        pipeline.publishRequest(uploadId, opened);
        assertThat(decisionCausedBy(uploadId, opened.getEventId())).isInstanceOf(UploadAccepted.class);
        return uploadId;
    }

    private static ChunkReceived.Builder chunk(String uploadId, int index, byte[] bytes) {
        return ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(InProcessPipeline.TENANT).setTimestamp(Instant.now()).setIndex(index).setLength(bytes.length)
                .setSha256(SluiceClient.sha256(bytes, 0, bytes.length)).setBytes(ByteBuffer.wrap(bytes));
    }

    private static Object decisionCausedBy(String uploadId, String eventId) {
        List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, uploadId,
                found -> found.stream().anyMatch(d -> eventId.equals(causationOf(d.getPayload()))), DECISION_WAIT);
        return decisions.stream().map(UploadDecision::getPayload).filter(p -> eventId.equals(causationOf(p)))
                .findFirst().orElseThrow();
    }

    private static String causationOf(Object decision) {
        return switch (decision) {
            case UploadRejected r -> r.getCausationId();
            case UploadAccepted a -> a.getCausationId();
            case ChunkRejected r -> r.getCausationId();
            case FinishRejected r -> r.getCausationId();
            default -> null;
        };
    }

    private static JsonNode rejectedInStatus(String uploadId) {
        return Uploads.awaitStatus(client, uploadId, s -> s.path("rejected").size() > 0, "a rejected chunk")
                .path("rejected").get(0);
    }

    private static void assertProblem404(ApiAnswer answer) {
        Problems.assertProblem(answer, 404, "not_found");
    }

    /** The session processor is ready, and an ordinary upload over HTTP finishes and reads back. */
    private static void assertPipelineStillWorks() {
        assertThat(pipeline.isReady(ServiceId.SESSION_PROCESSOR)).isTrue();
        byte[] file = randomFile(CHUNK + 17, Objects.hash(UUID.randomUUID()));
        String uploadId = create(client, "after-hostile.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        assertReadable(client, finish(client, uploadId, file), file);
    }
}
