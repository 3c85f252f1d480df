package io.sluice.projections;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ChunkProgress;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.time.Duration;
import java.util.BitSet;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The chunk progress view on the real broker and registry. */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadChunksViewIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private TransactionalWriter writer;
    private UploadChunksView view;

    @BeforeAll
    void start(KafkaServer kafka, SchemaRegistryServer registryServer) {
        kafka.createTopic(Topics.UPLOAD_CHUNKS.name(), Topics.UPLOAD_CHUNKS.partitions(), Topics.UPLOAD_CHUNKS.config());
        SluiceConfig config = SluiceConfig.of(Map.of(Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url()));
        SchemaRegistryClient registry = SchemaRegistryClient.of(registryServer.url());
        writer = new TransactionalWriter(kafka, registry);
        view = UploadChunksView.start(config, registry, TestDirectories.newDirectory("view"));
    }

    @AfterAll
    void stop() {
        view.close();
        writer.close();
    }

    private void commit(String uploadId, int index, boolean stored) {
        writer.commit(Topics.UPLOAD_CHUNKS, ChunkKeys.key(uploadId, index), ChunkProgress.newBuilder()
                .setUploadId(uploadId).setTenant("acme").setIndex(index).setSha256("ab".repeat(32)).setStored(stored)
                .setUpdatedAt(Samples.T0).build());
    }

    @Test
    void shouldTellAnUploadsReceivedAndStoredChunksApartFromAnotherUploads() throws Exception {
        String uploadId = UploadIds.newUploadId();
        String other = UploadIds.newUploadId();
        for (int index : new int[] {0, 3, 256, 70_000}) commit(uploadId, index, false);
        commit(uploadId, 3, true); // stored later: the same chunk's newer record
        commit(other, 1, true);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        UploadChunksView.ChunkSets chunks = view.chunks(uploadId, 100_000);

        assertThat(chunks.received()).isEqualTo(bits(0, 3, 256, 70_000));
        assertThat(chunks.stored()).isEqualTo(bits(3));
        assertThat(view.chunks(uploadId, 257).received()).as("only chunks below the count").isEqualTo(bits(0, 3, 256));
        assertThat(view.isReceived(uploadId, 256)).isTrue();
        assertThat(view.isReceived(uploadId, 1)).isFalse();
        assertThat(view.chunks(other, 10).stored()).isEqualTo(bits(1));
    }

    @Test
    void shouldForgetATombstonedChunk() throws Exception {
        String uploadId = UploadIds.newUploadId();
        commit(uploadId, 0, true);
        commit(uploadId, 1, true);
        writer.commit(Topics.UPLOAD_CHUNKS, ChunkKeys.key(uploadId, 0), null);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        assertThat(view.chunks(uploadId, 2).received()).isEqualTo(bits(1));
        assertThat(view.chunks(uploadId, 2).stored()).isEqualTo(bits(1));
        assertThat(view.isReceived(uploadId, 0)).isFalse();
    }

    private static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int index : indexes) bits.set(index);
        return bits;
    }
}
