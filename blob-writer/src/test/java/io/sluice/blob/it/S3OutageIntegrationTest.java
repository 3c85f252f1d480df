package io.sluice.blob.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The store goes away and comes back: nothing is skipped, the work is done once it is back. */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class S3OutageIntegrationTest {

    private BlobWriterUnderTest writer;

    @BeforeAll
    void startBlobWriter(KafkaServer kafka, SchemaRegistryServer registry, S3Server s3) throws Exception {
        writer = BlobWriterUnderTest.start(kafka, registry, s3);
    }

    @AfterAll
    void stopBlobWriter() throws Exception {
        writer.close();
    }

    @Test
    void shouldStoreAChunkOnceTheStoreIsBack() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(20, 120_000);
        long failedBefore = writer.service.failedAttempts();
        writer.s3Link.down();
        try {
            writer.send(upload.chunkReceived(0));

            awaitFailedAttempts(failedBefore + 2);
            assertThat(writer.chunkObjects(upload.uploadId)).isEmpty();
        } finally {
            writer.s3Link.up();
        }

        writer.awaitChunksStored(upload.uploadId, 1);
        assertThat(writer.read(upload.chunkKey(0))).isEqualTo(upload.chunks.getFirst());
    }

    @Test
    void shouldAssembleAVerifiedUploadOnceTheStoreIsBack() throws Exception {
        TestUploads upload = TestUploads.withChunkLengths(21, 40_000, 2_000);
        for (int i = 0; i < upload.chunks.size(); i++) writer.send(upload.chunkReceived(i));
        writer.awaitChunksStored(upload.uploadId, upload.chunks.size());
        long failedBefore = writer.service.failedAttempts();
        writer.s3Link.down();
        try {
            writer.decide(upload.uploadId, upload.verified());

            awaitFailedAttempts(failedBefore + 2);
        } finally {
            writer.s3Link.up();
        }

        writer.awaitAssetsStored(upload.uploadId, 1);
        assertThat(writer.sha256Of(upload.assetKey())).isEqualTo(upload.sha256());
        writer.awaitNoChunkObjects(upload.uploadId);
    }

    private void awaitFailedAttempts(long atLeast) {
        Await.until(Duration.ofSeconds(20), () -> writer.service.failedAttempts() >= atLeast,
                "the blob writer to fail " + atLeast + " attempts in all");
    }
}
