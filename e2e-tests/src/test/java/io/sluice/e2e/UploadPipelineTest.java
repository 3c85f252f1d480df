package io.sluice.e2e;

import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenarios of docs/contract.md through the public HTTP API, with all four services running in this JVM
 * on the real broker, registry and S3 server.
 */
@OnSharedPipeline
class UploadPipelineTest {

    private static final int MIB = 1 << 20;
    private static InProcessPipeline pipeline;
    private static SluiceClient client;

    @BeforeAll
    static void connect(InProcessPipeline shared) {
        pipeline = shared;
        client = pipeline.client();
    }

    @Test
    void shouldReadBackA21MibFileUploadedSequentiallyByteForByte() {
        byte[] file = randomFile(21 * MIB + 12_345, 1);
        int chunkSize = 5 * MIB;
        String uploadId = create(client, "big.bin", file, chunkSize);

        sendAll(client, uploadId, file, chunkSize);
        String assetId = finish(client, uploadId, file);

        assertReadable(client, assetId, file);
    }

    @Test
    void shouldFinishAnOriginalAndItsThreeDerivativesUploadedInParallel() throws Exception {
        byte[] original = randomFile(3 * MIB, 2);
        ApiAnswer createdOriginal = client.create(client.newUpload("original.jpg", original.length, MIB));
        String originalUpload = createdOriginal.text("uploadId");
        String originalAsset = createdOriginal.text("assetId"); // known up front, so derivatives can name it
        List<byte[]> files = List.of(original, randomFile(MIB + 7, 3), randomFile(200_000, 4), randomFile(900, 5));
        List<String> uploads = new ArrayList<>(List.of(originalUpload));
        for (String role : List.of("display", "thumbnail", "placeholder")) {
            byte[] file = files.get(uploads.size());
            var body = client.newUpload(role + ".jpg", file.length, 256 * 1024);
            body.putObject("derivativeOf").put("assetId", originalAsset).put("role", role);
            uploads.add(create(client, body));
        }

        List<String> assets = new ArrayList<>();
        try (ExecutorService parallel = Executors.newFixedThreadPool(4)) {
            List<Future<String>> done = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int n = i;
                int chunkSize = n == 0 ? MIB : 256 * 1024;
                done.add(parallel.submit(() -> {
                    sendAll(client, uploads.get(n), files.get(n), chunkSize);
                    return finish(client, uploads.get(n), files.get(n));
                }));
            }
            for (Future<String> asset : done) assets.add(asset.get());
        }

        for (int i = 0; i < 4; i++) assertReadable(client, assets.get(i), files.get(i));
        JsonNode derivatives = client.asset(originalAsset).json().get("derivatives");
        assertThat(StreamSupport.stream(derivatives.spliterator(), false).map(d -> d.get("assetId").asText()))
                .containsExactlyInAnyOrderElementsOf(assets.subList(1, 4));
    }

    @Test
    void shouldReadEveryAssetImmediatelyAfterFinish100TimesInARow() {
        int misses = 0;
        for (int i = 0; i < 100; i++) {
            byte[] file = randomFile(64 * 1024 + i, 100 + i);
            String uploadId = create(client, "small-" + i + ".bin", file, 64 * 1024);
            sendAll(client, uploadId, file, 64 * 1024);
            String assetId = finish(client, uploadId, file);
            if (client.asset(assetId).status() != 200) misses++;
            SluiceClient.ContentDigest content = client.contentDigest(assetId);
            if (content.status() != 200 || !content.sha256().equals(SluiceClient.sha256(file, 0, file.length))) misses++;
        }
        assertThat(misses).isZero();
    }

    @Test
    void shouldVerifyTwoUploadsWhoseChunksAreInterleavedSparsely() {
        int chunkSize = 128 * 1024;
        byte[] a = randomFile(3 * chunkSize, 6);
        byte[] b = randomFile(3 * chunkSize - 10, 7);
        String uploadA = create(client, "a.bin", a, chunkSize);
        String uploadB = create(client, "b.bin", b, chunkSize);

        for (int index : new int[] {0, 2, 1}) {
            sendChunk(client, uploadA, a, chunkSize, index);
            sendChunk(client, uploadB, b, chunkSize, index);
        }

        assertReadable(client, finish(client, uploadA, a), a);
        assertReadable(client, finish(client, uploadB, b), b);
    }

    @Test
    void shouldVerifySixteenChunksSentInASeededRandomOrderFourInFlight() throws Exception {
        int chunkSize = 64 * 1024;
        byte[] file = randomFile(16 * chunkSize, 8);
        String uploadId = create(client, "shuffled.bin", file, chunkSize);
        List<Integer> order = new ArrayList<>(IntStream.range(0, 16).boxed().toList());
        Collections.shuffle(order, new Random(42));

        try (ExecutorService inFlight = Executors.newFixedThreadPool(4)) {
            List<Future<?>> sent = new ArrayList<>();
            for (int index : order) sent.add(inFlight.submit(() -> sendChunk(client, uploadId, file, chunkSize, index)));
            for (Future<?> chunk : sent) chunk.get();
        }

        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldIgnoreAnIdenticalDuplicateAndReportAConflictingOneKeepingTheOriginalBytes() {
        int chunkSize = 64 * 1024;
        byte[] file = randomFile(2 * chunkSize, 9);
        String uploadId = create(client, "dup.bin", file, chunkSize);
        sendAll(client, uploadId, file, chunkSize);

        sendChunk(client, uploadId, file, chunkSize, 0);
        byte[] other = randomFile(chunkSize, 10);
        assertThat(client.putChunk(uploadId, 0, other, 0, chunkSize).status()).isEqualTo(202);

        JsonNode rejected = awaitRejection(uploadId);
        assertThat(rejected.get("index").asInt()).isZero();
        assertThat(rejected.get("code").asText()).isEqualTo("chunk_conflict");
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldNameMissingChunksOnFinishThenFinishOnceTheyArrive() {
        int chunkSize = 64 * 1024;
        byte[] file = randomFile(4 * chunkSize, 11);
        String uploadId = create(client, "gaps.bin", file, chunkSize);
        sendChunk(client, uploadId, file, chunkSize, 0);
        sendChunk(client, uploadId, file, chunkSize, 2);

        ApiAnswer refused = client.finish(uploadId, file.length, SluiceClient.sha256(file, 0, file.length));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("chunks_missing");
        assertThat(refused.json().get("missing").toString()).isEqualTo("[1,3]");
        sendChunk(client, uploadId, file, chunkSize, 1);
        sendChunk(client, uploadId, file, chunkSize, 3);
        assertReadable(client, finish(client, uploadId, file), file);
    }

    @Test
    void shouldFailAnUploadFinishedWithAWrongSha256() {
        int chunkSize = 64 * 1024;
        byte[] file = randomFile(chunkSize + 1, 12);
        String uploadId = create(client, "wrong.bin", file, chunkSize);
        sendAll(client, uploadId, file, chunkSize);

        ApiAnswer refused = client.finish(uploadId, file.length, SluiceClient.sha256(new byte[] {1}, 0, 1));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.text("code")).isEqualTo("checksum_mismatch");
        assertThat(client.status(uploadId).text("state")).isEqualTo("failed");
    }

    @Test
    void shouldFinishTheSameFileSentByADirectProducerWithTheSameSha256() throws Exception {
        byte[] file = randomFile(3 * MIB + 99, 13);

        String assetId = pipeline.uploadThroughKafka("direct.bin", file, MIB);

        assertReadable(client, assetId, file);
        assertThat(client.asset(assetId).text("sha256")).isEqualTo(SluiceClient.sha256(file, 0, file.length));
    }

    private static JsonNode awaitRejection(String uploadId) {
        return io.sluice.testkit.Await.until(java.time.Duration.ofSeconds(20), () -> {
            JsonNode rejected = client.status(uploadId).json().get("rejected");
            return rejected != null && !rejected.isEmpty() ? rejected.get(0) : null;
        }, r -> r != null, "a rejected chunk in the status of " + uploadId);
    }
}
