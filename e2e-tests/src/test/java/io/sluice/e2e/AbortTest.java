package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.awaitStatus;
import static io.sluice.e2e.Uploads.chunkOf;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /v1/uploads/{id}} mid-upload: 204, the upload ABORTED, its chunk objects deleted
 * from the bucket, later chunks and finish refused with 410 {@code upload_aborted}, and a repeated
 * delete a harmless 204.
 */
@OnSharedPipeline
class AbortTest {

    private static final int CHUNK = 64 * 1024;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = pipeline.client();
    }

    @Test
    void shouldDeleteTheChunkObjectsAndRefuseLaterCallsAfterAnAbortMidUpload() throws Exception {
        byte[] file = randomFile(4 * CHUNK, 60);
        String uploadId = create(client, "abandoned.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        sendChunk(client, uploadId, file, CHUNK, 2); // parked ahead of the frontier
        awaitStatus(client, uploadId, s -> indexes(s.path("stored")).equals(List.of(0, 2)), "chunks 0 and 2 stored");
        String chunks = ObjectKeys.chunkPrefix(uploadId);
        assertThat(pipeline.objectKeys(chunks)).hasSize(2);

        assertThat(client.abort(uploadId).status()).isEqualTo(204);

        assertThat(client.status(uploadId).text("state")).isEqualTo("aborted");
        Await.until(Duration.ofSeconds(30), () -> pipeline.objectKeys(chunks).isEmpty(), "no object under " + chunks);
        assertProblem(client.putChunk(uploadId, 1, chunkOf(file, CHUNK, 1), Map.of()), 410, "upload_aborted");
        assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length)), 410,
                "upload_aborted");
        assertThat(client.abort(uploadId).status()).as("a repeated delete").isEqualTo(204);
        assertThat(pipeline.objectKeys(chunks)).isEmpty();
    }

    @Test
    void shouldAbortAnUploadThatHasNoChunkYet() {
        String uploadId = create(client, "nothing-yet.bin", new byte[10], CHUNK);

        assertThat(client.abort(uploadId).status()).isEqualTo(204);

        assertThat(client.status(uploadId).text("state")).isEqualTo("aborted");
        assertThat(client.abort(uploadId).status()).isEqualTo(204);
    }
}
