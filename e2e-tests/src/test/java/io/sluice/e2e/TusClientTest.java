package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tus-js-client 4.3.1, unmodified, in Node ({@code src/test/node/tus-upload.mjs}) against the tus
 * endpoint: each upload finishes as a Sluice upload and its asset reads back equal to the file.
 */
@OnSharedPipeline
class TusClientTest {

    static final int MIB = 1 << 20;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @TempDir
    Path files;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        NodeClients.require("tus-js-client");
        pipeline = shared;
        client = shared.client();
    }

    @Test
    void shouldUploadInOnePatch() throws Exception {
        byte[] file = Uploads.randomFile(3 * MIB + 5, 1601);

        JsonNode result = upload("one-patch", file);

        assertThat(patches(result)).as("one PATCH").isEqualTo(1);
        assertFinishedAndReadsBack(result, file);
    }

    @Test
    void shouldUploadInPatchesOfFiveMebibytes() throws Exception {
        byte[] file = Uploads.randomFile(12 * MIB + 333, 1602);

        JsonNode result = upload("five-mib-patches", file);

        assertThat(patches(result)).isEqualTo(3);
        assertFinishedAndReadsBack(result, file);
    }

    @Test
    void shouldUploadInThreeParallelPartsConcatenated() throws Exception {
        byte[] file = Uploads.randomFile(7 * MIB + 123, 1603);

        JsonNode result = upload("parallel", file);

        assertThat(result.path("responses").findValuesAsText("method").stream().filter("POST"::equals).count())
                .as("three parts and the final upload").isEqualTo(4);
        ApiAnswer status = assertFinishedAndReadsBack(result, file);
        assertThat(status.json().path("fileName").asText()).isEqualTo("parallel.bin");
    }

    @Test
    void shouldResumeAnInterruptedUploadWhereTheServerSays() throws Exception {
        byte[] file = Uploads.randomFile(6 * MIB + 1, 1604);

        JsonNode result = upload("abort-and-resume", file);

        assertThat(result.path("resumedFrom").asLong()).as("resumed, not restarted")
                .isGreaterThanOrEqualTo(2 * MIB).isLessThan(file.length).isEqualTo(result.path("resumedFrom").asLong() / MIB * MIB);
        assertFinishedAndReadsBack(result, file);
    }

    @Test
    void shouldFinishOnlyWithTheSha256GivenInTheMetadata() throws Exception {
        byte[] file = Uploads.randomFile(2 * MIB + 99, 1605);
        assertFinishedAndReadsBack(upload("sha256-metadata", file), file);

        NodeClients.Run wrong = run("wrong-sha256-metadata", file);
        assertThat(wrong.exitCode()).as(wrong.output()).isEqualTo(1);
        assertThat(wrong.result().path("status").asInt()).as(wrong.output()).isEqualTo(422);
    }

    private JsonNode upload(String scenario, byte[] file) throws Exception {
        NodeClients.Run run = run(scenario, file);
        assertThat(run.exitCode()).as(run.output()).isZero();
        return run.result();
    }

    private NodeClients.Run run(String scenario, byte[] file) throws Exception {
        Path path = files.resolve(scenario + ".bin");
        Files.write(path, file);
        return NodeClients.run("tus-upload.mjs", List.of(scenario, path.toString()),
                Map.of("SLUICE_URL", pipeline.baseUrl(), "SLUICE_TOKEN", client.token()), 180);
    }

    private static long patches(JsonNode result) {
        return result.path("responses").findValuesAsText("method").stream().filter("PATCH"::equals).count();
    }

    private static ApiAnswer assertFinishedAndReadsBack(JsonNode result, byte[] file) {
        String url = result.path("url").asText();
        String uploadId = url.substring(url.lastIndexOf('/') + 1);
        ApiAnswer status = client.status(uploadId);
        assertThat(status.text("state")).as("%s", status.body()).isEqualTo("finished");
        assertThat(status.text("sha256")).isEqualTo(SluiceClient.sha256(file, 0, file.length));
        SluiceClient.ContentDigest content = client.contentDigest(status.text("assetId"));
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(file.length);
        assertThat(content.sha256()).isEqualTo(SluiceClient.sha256(file, 0, file.length));
        return status;
    }
}
