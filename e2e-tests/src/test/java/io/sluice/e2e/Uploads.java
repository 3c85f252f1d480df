package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.client.ApiAnswer;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/** Test files and the upload steps every scenario repeats, with their expected answers asserted. */
final class Uploads {

    private Uploads() {}

    static byte[] randomFile(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** Creates an upload (201) and returns its id. */
    static String create(SluiceClient client, String fileName, byte[] file, int chunkSize) {
        return create(client, client.newUpload(fileName, file.length, chunkSize));
    }

    static String create(SluiceClient client, ObjectNode body) {
        ApiAnswer created = client.create(body);
        assertThat(created.status()).as("create: %s", created.json()).isEqualTo(201);
        return created.text("uploadId");
    }

    /** The bytes of chunk {@code index} of the file. */
    static byte[] chunkOf(byte[] file, int chunkSize, int index) {
        int offset = index * chunkSize;
        return Arrays.copyOfRange(file, offset, Math.min(file.length, offset + chunkSize));
    }

    /** The upload's status (200) once {@code accept} holds for it. */
    static JsonNode awaitStatus(SluiceClient client, String uploadId, Predicate<JsonNode> accept, String what) {
        return Await.until(Duration.ofSeconds(30), () -> {
            ApiAnswer status = client.status(uploadId);
            assertThat(status.status()).as("status of %s: %s", uploadId, status.body()).isEqualTo(200);
            return status.json();
        }, accept, what + " in the status of " + uploadId);
    }

    /** The numbers of a JSON array such as a status's {@code received}. */
    static List<Integer> indexes(JsonNode array) {
        List<Integer> indexes = new ArrayList<>();
        array.forEach(item -> indexes.add(item.asInt()));
        return indexes;
    }

    static int chunkCount(byte[] file, int chunkSize) {
        return (file.length + chunkSize - 1) / chunkSize;
    }

    /** Sends one chunk and expects 202. */
    static void sendChunk(SluiceClient client, String uploadId, byte[] file, int chunkSize, int index) {
        int offset = index * chunkSize;
        int length = Math.min(chunkSize, file.length - offset);
        ApiAnswer answer = client.putChunk(uploadId, index, file, offset, length);
        assertThat(answer.status()).as("chunk %d: %s", index, answer.json()).isEqualTo(202);
    }

    static void sendAll(SluiceClient client, String uploadId, byte[] file, int chunkSize) {
        for (int i = 0; i < chunkCount(file, chunkSize); i++) sendChunk(client, uploadId, file, chunkSize, i);
    }

    /** Finishes and expects 200; returns the asset id. */
    static String finish(SluiceClient client, String uploadId, byte[] file) {
        ApiAnswer finished = client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length));
        assertThat(finished.status()).as("finish: %s", finished.json()).isEqualTo(200);
        assertThat(finished.text("sha256")).isEqualTo(SluiceClient.sha256(file, 0, file.length));
        return finished.text("assetId");
    }

    /** The asset's metadata and bytes read back through the API match the file. */
    static void assertReadable(SluiceClient client, String assetId, byte[] file) {
        ApiAnswer metadata = client.asset(assetId);
        assertThat(metadata.status()).as("asset metadata %s", assetId).isEqualTo(200);
        assertThat(metadata.json().get("size").asLong()).isEqualTo(file.length);
        SluiceClient.ContentDigest content = client.contentDigest(assetId);
        assertThat(content.status()).as("asset content %s", assetId).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(file.length);
        assertThat(content.sha256()).isEqualTo(SluiceClient.sha256(file, 0, file.length));
    }
}
