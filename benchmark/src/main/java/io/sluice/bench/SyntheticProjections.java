package io.sluice.bench;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.ChunkProgress;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.stack.DevToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.LongFunction;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Valid index entries and finished one-chunk uploads (status and chunk progress), produced straight to the compacted projection
 * topics as the index projector and the session processor would write them — years of use in
 * minutes, without uploading a byte. Ids are a run's random prefix and a counter, so runs never
 * collide; one record in {@link ScalePlan#tenantShare()} belongs to the development tenant.
 */
final class SyntheticProjections {

    /** The development tenant's ids the fill wrote (the first ones, as many as the reads need). */
    record Filled(List<String> assetIds, List<String> uploadIds, long records, double seconds) {}

    private static final int KEPT_IDS = 10_000;
    private static final String SHA256 = "ab".repeat(32);

    private final SluiceConfig config;
    private final ScalePlan plan;
    private final String runPrefix;

    SyntheticProjections(SluiceConfig config, ScalePlan plan, long runId) {
        this.config = config;
        this.plan = plan;
        this.runPrefix = HexFormat.of().toHexDigits(runId);
    }

    Filled fill() throws Exception {
        long started = System.nanoTime();
        var registry = SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL));
        List<String> assets = produce(Topics.ASSET_INDEX.name(), plan.assets(),
                Topics.ASSET_INDEX.valueSerde(registry).serializer(), this::assetEntry, i -> "as_" + suffix(i));
        produce(Topics.UPLOAD_CHUNKS.name(), plan.statuses(), Topics.UPLOAD_CHUNKS.valueSerde(registry).serializer(),
                this::chunk, i -> ChunkKeys.key("up_" + suffix(i), 0));
        List<String> uploads = produce(Topics.UPLOAD_STATUS.name(), plan.statuses(),
                Topics.UPLOAD_STATUS.valueSerde(registry).serializer(), this::status, i -> "up_" + suffix(i));
        return new Filled(assets, uploads, plan.assets() + 2 * plan.statuses(), (System.nanoTime() - started) / 1e9);
    }

    private <V> List<String> produce(String topic, long count, Serializer<V> values, LongFunction<V> record,
            LongFunction<String> key) throws Exception {
        List<String> kept = new ArrayList<>();
        try (KafkaProducer<String, V> producer = new KafkaProducer<>(producerProperties(),
                new org.apache.kafka.common.serialization.StringSerializer(), values)) {
            for (long i = 0; i < count; i++) {
                String id = key.apply(i);
                producer.send(new ProducerRecord<>(topic, id, record.apply(i)));
                if (isDevelopers(i) && kept.size() < KEPT_IDS) kept.add(id);
            }
            producer.flush();
        }
        return kept;
    }

    private Properties producerProperties() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(Setting.KAFKA_BOOTSTRAP_SERVERS));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none"); // as the services write them
        return p;
    }

    private AssetIndexEntry assetEntry(long i) {
        String tenant = tenant(i);
        String assetId = "as_" + suffix(i);
        return AssetIndexEntry.newBuilder().setAssetId(assetId).setTenant(tenant).setUploadId("up_" + suffix(i))
                .setFileName("scale-" + i + ".bin").setContentType("application/octet-stream").setSize(1024)
                .setSha256(SHA256).setObjectKey(ObjectKeys.asset(tenant, assetId))
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L + i)).setMetadata(Map.of()).build();
    }

    private UploadStatus status(long i) {
        Instant at = Instant.ofEpochMilli(1_700_000_000_000L + i);
        String uploadId = "up_" + suffix(i);
        return UploadStatus.newBuilder().setUploadId(uploadId).setTenant(tenant(i)).setUpdatedAt(at)
                .setState(UploadState.FINISHED).setFileName("scale-" + i + ".bin")
                .setContentType("application/octet-stream").setSize(1024).setChunkSize(64 * 1024).setChunkCount(1)
                .setMetadata(Map.of()).setReceivedCount(1).setStoredCount(1).setBytesHashed(1024)
                .setParkedBytes(0).setCreatedAt(at).setLastActivityAt(at).setExpiresAt(at.plusSeconds(86_400))
                .setRejectedChunks(List.of()).setRecentOutcomes(List.of()).setSha256(SHA256)
                .setAssetId("as_" + uploadId.substring(3)).build();
    }

    /** The one chunk of a synthetic upload, received and stored. */
    private ChunkProgress chunk(long i) {
        return ChunkProgress.newBuilder().setUploadId("up_" + suffix(i)).setTenant(tenant(i)).setIndex(0)
                .setSha256(SHA256).setStored(true).setUpdatedAt(Instant.ofEpochMilli(1_700_000_000_000L + i)).build();
    }

    private String tenant(long i) {
        return isDevelopers(i) ? DevToken.TENANT : "scale-" + (i % 10_000);
    }

    private boolean isDevelopers(long i) {
        return i % plan.tenantShare() == 0;
    }

    /** 32 lower-case hex digits: the run's 16 and the counter's 16. */
    private String suffix(long i) {
        return runPrefix + HexFormat.of().toHexDigits(i);
    }
}
