package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.chunkOf;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.ApiAnswer;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.ForgetRequested;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.Infrastructure;
import io.sluice.testkit.RealServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Time-bound endings, through the log.
 *
 * <p>An upload idle past its time-to-live becomes EXPIRED: the session processor's wall-clock
 * punctuator writes an {@code ExpiryRequested} to the request topic, processing it yields an
 * {@code UploadExpired} decision, the blob writer deletes the chunk objects, and late calls get
 * 410 {@code upload_expired} (the expired variant of the 410 row of docs/contract.md's bad-input table).
 *
 * <p>An upload ended longer ago than the retention is forgotten (contract I10): the punctuator writes
 * a {@code ForgetRequested}, processing it yields {@code UploadForgotten}, the status and chunk
 * progress records are tombstoned, the session leaves the stores — and the asset stays.
 *
 * <p>The time-to-live and the retention are settings for every service, so this class starts its
 * own pipeline with short ones, in a JVM of its own (the {@value #OWN_JVM} surefire execution of this
 * module): Streams application ids are fixed, so a JVM runs one pipeline.
 */
@RealServers
@Tag(ExpiryTest.OWN_JVM)
class ExpiryTest {

    /** The tag of test classes that run in their own surefire execution (see this module's pom). */
    static final String OWN_JVM = "own-jvm";

    private static final Duration TTL = Duration.ofSeconds(3);
    /** Long enough for the expiry test's late calls to meet the expired upload before it is forgotten. */
    private static final Duration RETENTION = Duration.ofSeconds(20);
    private static final int CHUNK = 64 * 1024;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void start(Infrastructure infrastructure) throws Exception {
        pipeline = InProcessPipeline.start(infrastructure, "expiry", Map.of(Setting.UPLOAD_TTL, TTL.toString(),
                Setting.ENDED_RETENTION, RETENTION.toString()));
        client = pipeline.client();
    }

    @AfterAll
    static void stop() {
        if (pipeline != null) pipeline.close();
    }

    @Test
    void shouldExpireAnIdleUploadThroughTheLogDeleteItsChunksAndRefuseLateCallsWith410() throws Exception {
        byte[] file = randomFile(3 * CHUNK, 70);
        String uploadId = create(client, "idle.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        sendChunk(client, uploadId, file, CHUNK, 2);
        String chunks = ObjectKeys.chunkPrefix(uploadId);
        Await.until(TTL, () -> pipeline.objectKeys(chunks).size() == 2, "both chunk objects stored");

        awaitStatus(client, uploadId, s -> s.path("state").asText().equals("expired"), "expired");

        List<UploadRequest> requests = pipeline.events().await(Topics.UPLOAD_REQUESTS, uploadId,
                found -> found.stream().anyMatch(r -> r.getPayload() instanceof ExpiryRequested), Duration.ofSeconds(10));
        ExpiryRequested expiry = requests.stream().map(UploadRequest::getPayload)
                .filter(ExpiryRequested.class::isInstance).map(ExpiryRequested.class::cast).findFirst().orElseThrow();
        List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, uploadId,
                found -> found.stream().anyMatch(d -> d.getPayload() instanceof UploadExpired), Duration.ofSeconds(10));
        UploadExpired expired = decisions.stream().map(UploadDecision::getPayload)
                .filter(UploadExpired.class::isInstance).map(UploadExpired.class::cast).findFirst().orElseThrow();
        assertThat(expired.getCausationId()).as("the decision answers the logged request").isEqualTo(expiry.getEventId());
        assertThat(Duration.between(expiry.getLastActivityAt(), expiry.getTimestamp())).isGreaterThanOrEqualTo(TTL);
        Await.until(Duration.ofSeconds(30), () -> pipeline.objectKeys(chunks).isEmpty(), "no object under " + chunks);
        assertProblem(client.putChunk(uploadId, 1, chunkOf(file, CHUNK, 1), Map.of()), 410, "upload_expired");
        assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)), 410,
                "upload_expired");
        assertThat(indexes(client.status(uploadId).json().path("received"))).containsExactly(0, 2);
    }

    @Test
    void shouldForgetEndedUploadsAfterTheRetentionThroughTheLogAndKeepTheirAssets() throws Exception {
        byte[] file = randomFile(CHUNK + 5, 80);
        String key = "retention-" + UUID.randomUUID();
        ObjectNode body = client.newUpload("kept.bin", file.length, CHUNK).put("idempotencyKey", key);
        String finished = create(client, body);
        sendAll(client, finished, file, CHUNK);
        String assetId = finish(client, finished, file);
        String aborted = create(client, "dropped.bin", file, CHUNK);
        sendChunk(client, aborted, file, CHUNK, 0);
        awaitStatus(client, aborted, s -> indexes(s.path("received")).contains(0), "chunk 0");
        assertThat(client.abort(aborted).status()).isEqualTo(204);
        ApiAnswer reused = client.create(body);
        assertThat(reused.status()).as("the key holds within the retention: %s", reused.json()).isEqualTo(200);
        assertThat(reused.text("uploadId")).isEqualTo(finished);

        Await.until(RETENTION.plusSeconds(30), () -> client.status(finished).status() == 404
                && client.status(aborted).status() == 404, "both uploads forgotten");

        for (String uploadId : List.of(finished, aborted)) {
            List<UploadRequest> requests = pipeline.events().await(Topics.UPLOAD_REQUESTS, uploadId,
                    found -> found.stream().anyMatch(r -> r.getPayload() instanceof ForgetRequested), Duration.ofSeconds(10));
            ForgetRequested forget = requests.stream().map(UploadRequest::getPayload)
                    .filter(ForgetRequested.class::isInstance).map(ForgetRequested.class::cast).findFirst().orElseThrow();
            assertThat(Duration.between(forget.getEndedAt(), forget.getTimestamp())).isGreaterThanOrEqualTo(RETENTION);
            List<UploadDecision> decisions = pipeline.events().await(Topics.UPLOAD_DECISIONS, uploadId,
                    found -> found.stream().anyMatch(d -> d.getPayload() instanceof UploadForgotten), Duration.ofSeconds(10));
            assertThat(decisions.stream().map(UploadDecision::getPayload).filter(UploadForgotten.class::isInstance)
                    .map(UploadForgotten.class::cast)).singleElement()
                    .satisfies(forgotten -> assertThat(forgotten.getCausationId()).isEqualTo(forget.getEventId()));
            assertThat(pipeline.events().await(Topics.UPLOAD_STATUS, uploadId,
                    found -> !found.isEmpty() && found.getLast() == null, Duration.ofSeconds(10)))
                    .as("the status is tombstoned").isNotEmpty();
            assertThat(pipeline.events().await(Topics.UPLOAD_CHUNKS, ChunkKeys.key(uploadId, 0),
                    found -> !found.isEmpty() && found.getLast() == null, Duration.ofSeconds(10)))
                    .as("the chunk progress is tombstoned").isNotEmpty();
        }
        ApiAnswer stores = new SluiceClient("http://127.0.0.1:" + pipeline.httpPort(ServiceId.SESSION_PROCESSOR),
                pipeline.operatorToken()).get("/admin/stores");
        assertThat(stores.status()).isEqualTo(200);
        assertThat(stores.body()).as("nothing of either upload in the processor's stores")
                .doesNotContain(finished).doesNotContain(aborted);
        assertThat(pipeline.objectKeys(ObjectKeys.chunkPrefix(aborted))).isEmpty();
        assertReadable(client, assetId, file);
        ApiAnswer afterRetention = client.create(body);
        assertProblem(afterRetention, 422, "idempotency_key_reused");
        assertThat(afterRetention.text("assetId")).isEqualTo(assetId);
    }
}
