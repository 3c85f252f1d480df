package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.chunkOf;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ExpiryRequested;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.Setting;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.Infrastructure;
import io.sluice.testkit.RealServers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * An upload idle past its time-to-live becomes EXPIRED: the session processor's wall-clock
 * punctuator writes an {@code ExpiryRequested} to the request topic, processing it yields an
 * {@code UploadExpired} decision, the blob writer deletes the chunk objects, and late calls get
 * 410 {@code upload_expired} (the expired variant of the 410 row of docs/contract.md's bad-input table).
 *
 * <p>The time-to-live is one setting for every service, so this class starts its own pipeline with
 * a short one, in a JVM of its own (the {@value #OWN_JVM} surefire execution of this module):
 * Streams application ids are fixed, so a JVM runs one pipeline.
 */
@RealServers
@Tag(ExpiryTest.OWN_JVM)
class ExpiryTest {

    /** The tag of test classes that run in their own surefire execution (see this module's pom). */
    static final String OWN_JVM = "own-jvm";

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final int CHUNK = 64 * 1024;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void start(Infrastructure infrastructure) throws Exception {
        pipeline = InProcessPipeline.start(infrastructure, "expiry", Map.of(Setting.UPLOAD_TTL, TTL.toString()));
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
}
