package io.sluice.blob.assembly;

import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.sluice.blob.chunks.ChunkObjectWriter;
import io.sluice.blob.chunks.ChunkVerification;
import io.sluice.blob.parts.AssetMultipartUploads;
import io.sluice.blob.parts.PartClaims;
import io.sluice.events.ChunkRef;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.TestDirectories;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Which chunk size assembles fastest, by which strategy: a 256 MiB file stored as 1, 4, 8 and 16 MiB
 * chunk objects in the in-process S3Proxy, assembled by compose (where S3's 5 MiB part rule allows)
 * and by streaming copy, each timed over a few rounds. A measurement, not a test: nothing is asserted
 * on time, and the name keeps it out of the default test run. Run it with
 * {@code ./mvnw -B -o -pl blob-writer test -Dtest=AssemblyThroughputMeasurement}; the table is printed
 * and written to {@code target/assembly-throughput.md}.
 */
@RealServers
class AssemblyThroughputMeasurement {

    private static final int MIB = 1024 * 1024;
    private static final long FILE_BYTES = 256L * MIB;
    private static final int[] CHUNK_MIB = {1, 4, 8, 16};
    private static final int ROUNDS = 3;
    private static final String BUCKET = "sluice-measure";

    @Test
    void measureAssemblyThroughputByChunkSize(S3Server s3) throws Exception {
        s3.createBucket(BUCKET);
        MinioClient client = s3.client();
        MinioAsyncClient asyncClient = MinioAsyncClient.builder().endpoint(s3.endpoint())
                .region(s3.region()).credentials(s3.accessKey(), s3.secretKey()).build();
        ChunkObjectWriter writer = new ChunkObjectWriter(asyncClient);
        AssetAssembler assembler = new AssetAssembler(client, asyncClient, BUCKET,
                new AssetMultipartUploads(asyncClient, BUCKET, Runnable::run), new PartClaims(writer, client, BUCKET));
        ChunkObjects chunkObjects = new ChunkObjects(client, BUCKET);
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "256 MiB file, S3Proxy %s in process (filesystem backend), MB/s = 10^6 bytes/s, best of %d rounds%n%n"
                        + "| chunk size | chunk PUTs (one at a time) | compose | streaming copy (16 MiB parts) |%n"
                        + "|---|---|---|---|%n", "4.1.0", ROUNDS));

        for (int chunkMib : CHUNK_MIB) {
            String uploadId = UploadIds.newUploadId();
            MessageDigest whole = MessageDigest.getInstance("SHA-256");
            List<ChunkRef> chunks = new ArrayList<>();
            long putNanos = storeChunks(writer, uploadId, chunkMib * MIB, whole, chunks);
            String sha256 = HexFormat.of().formatHex(whole.digest());
            List<StoredChunk> stored = chunkObjects.describe(chunks);
            String assetKey = ObjectKeys.asset("measure", UploadIds.assetIdFor(uploadId));

            long bestCompose = Long.MAX_VALUE;
            long bestStreaming = Long.MAX_VALUE;
            boolean composable = AssemblyStrategy.choose(chunks) == AssemblyStrategy.COMPOSE;
            for (int round = 0; round < ROUNDS; round++) {
                if (composable) {
                    long started = System.nanoTime();
                    assembler.compose(stored, assetKey, "application/octet-stream");
                    bestCompose = Math.min(bestCompose, System.nanoTime() - started);
                    check(client, assetKey, sha256);
                }
                long started = System.nanoTime();
                assembler.streamingCopy(stored, assetKey, "application/octet-stream", FILE_BYTES, sha256);
                bestStreaming = Math.min(bestStreaming, System.nanoTime() - started);
                check(client, assetKey, sha256);
            }
            table.append(String.format(Locale.ROOT, "| %d MiB | %s | %s | %s |%n", chunkMib, mbPerSecond(putNanos),
                    composable ? mbPerSecond(bestCompose) : "not allowed (parts < 5 MiB)", mbPerSecond(bestStreaming)));
            chunkObjects.deleteAll(uploadId);
            client.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(assetKey).build());
        }
        System.out.println(table);
        Files.writeString(TestDirectories.buildDirectory().resolve("assembly-throughput.md"), table);
    }

    private static long storeChunks(ChunkObjectWriter writer, String uploadId, int chunkBytes, MessageDigest whole,
            List<ChunkRef> chunks) throws Exception {
        SplittableRandom random = new SplittableRandom(chunkBytes);
        byte[] bytes = new byte[chunkBytes];
        long nanos = 0;
        for (int index = 0; (long) index * chunkBytes < FILE_BYTES; index++) {
            for (int i = 0; i < bytes.length; i += 8) {
                long value = random.nextLong();
                for (int b = 0; b < 8; b++) bytes[i + b] = (byte) (value >>> (8 * b));
            }
            String sha = ChunkVerification.sha256Hex(bytes);
            whole.update(bytes);
            String key = ObjectKeys.chunk(uploadId, index, sha);
            long started = System.nanoTime();
            writer.putIfAbsent(BUCKET, key, bytes, sha);
            nanos += System.nanoTime() - started;
            chunks.add(new ChunkRef(index, chunkBytes, sha, key));
        }
        return nanos;
    }

    private static void check(MinioClient client, String key, String sha256) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(
                client.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(sha256)) {
            throw new AssertionError(key + " does not read back as the file");
        }
        client.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
    }

    private static String mbPerSecond(long nanos) {
        return String.format(Locale.ROOT, "%.0f MB/s (%.2f s)", FILE_BYTES / 1e6 / (nanos / 1e9), nanos / 1e9);
    }
}
