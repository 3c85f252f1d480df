package io.sluice.blob.chunks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.GetObjectArgs;
import io.minio.MinioAsyncClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A chunk PUT carries the chunk's verified SHA-256 as its signed payload digest instead of hashing the
 * bytes again (and no {@code Content-MD5}): the store keeps exactly the bytes, and still refuses a
 * body whose SHA-256 is not the one given — the integrity check the MD5 gave stays, done by the store.
 */
@RealServers
class ChunkObjectWriterIntegrationTest {

    private static final String BUCKET = "chunk-writer-it";

    private static S3Server s3;
    private static ChunkObjectWriter writer;

    @BeforeAll
    static void connect(S3Server server) {
        s3 = server;
        s3.createBucket(BUCKET);
        writer = new ChunkObjectWriter(MinioAsyncClient.builder().endpoint(s3.endpoint()).region(s3.region())
                .credentials(s3.accessKey(), s3.secretKey()).build());
    }

    @Test
    void shouldStoreTheChunkOnceUnderItsVerifiedDigest() throws Exception {
        byte[] bytes = bytes(3 << 20, 1);
        String sha256 = ChunkVerification.sha256Hex(bytes);

        assertThat(writer.putIfAbsent(BUCKET, "chunk-a", bytes, sha256)).isTrue();
        assertThat(writer.putIfAbsent(BUCKET, "chunk-a", bytes, sha256)).as("there already").isFalse();

        try (InputStream in = s3.client().getObject(GetObjectArgs.builder().bucket(BUCKET).object("chunk-a").build())) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void shouldHaveTheStoreRefuseBytesThatAreNotTheDigestGiven() {
        byte[] bytes = bytes(100_000, 2);
        String otherDigest = ChunkVerification.sha256Hex(bytes(100_000, 3));

        assertThatThrownBy(() -> writer.putIfAbsent(BUCKET, "chunk-b", bytes, otherDigest))
                .isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> s3.client().statObject(StatObjectArgs.builder().bucket(BUCKET).object("chunk-b").build()))
                .as("nothing stored").isInstanceOf(ErrorResponseException.class);
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
