package io.sluice.bench;

import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkStored;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadVerified;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Notes when each upload's {@code UploadFinished} becomes visible, and the two milestones before it
 * ({@link Milestone}): a {@code read_committed} consumer of their topics, as any client sees them,
 * records the {@link System#nanoTime()} at which each arrives. It starts at the end of every
 * partition, so it sees exactly what happened after it started. Records of
 * {@code sluice.uploads-finished} are not decoded (the key, the upload id, is all a latency needs);
 * decisions and blob events are, to tell {@code UploadVerified} and {@code AssetStored} from the rest.
 */
final class FinishedWatcher implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(100);

    /** The steps of a finish, each visible on a topic: where the time between finish and UploadFinished goes. */
    enum Milestone {
        /** The blob writer's {@code ChunkStored} (for a one-chunk upload: its only chunk is in S3). */
        CHUNK_STORED,
        /** The session processor's {@code UploadVerified} on the decisions topic (committed). */
        VERIFIED,
        /** The blob writer's {@code AssetStored}: the asset object is assembled. */
        ASSET_STORED,
        /** The index projector's {@code UploadFinished} (committed with the index entry). */
        FINISHED
    }

    private record Key(Milestone milestone, String uploadId) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<UploadDecision> decisions;
    private final Deserializer<BlobEvent> blobEvents;
    private final Map<Key, CompletableFuture<Long>> arrivals = new ConcurrentHashMap<>();
    private final Thread poller;
    private volatile RuntimeException failure;

    private FinishedWatcher(KafkaConsumer<String, byte[]> consumer, SchemaRegistry registry) {
        this.consumer = consumer;
        this.decisions = Topics.UPLOAD_DECISIONS.valueSerde(registry).deserializer();
        this.blobEvents = Topics.BLOB_EVENTS.valueSerde(registry).deserializer();
        this.poller = Thread.ofPlatform().daemon().name("bench-milestones").unstarted(this::pollUntilClosed);
    }

    /** Returns once the consumer is positioned at the end of every partition. */
    static FinishedWatcher start(SluiceConfig config) {
        Properties properties = KafkaClients.common(config, "sluice-bench-finished-watcher");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.UPLOAD_DECISIONS.name(), Topics.BLOB_EVENTS.name(), Topics.UPLOADS_FINISHED.name())) {
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        for (TopicPartition partition : partitions) consumer.position(partition, Duration.ofSeconds(30));
        FinishedWatcher watcher = new FinishedWatcher(consumer,
                SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)));
        watcher.poller.start();
        return watcher;
    }

    /**
     * When {@code uploadId}'s {@code UploadFinished} arrived (nanoTime), waiting up to {@code timeout};
     * empty if it did not arrive in time.
     */
    OptionalLong awaitArrival(String uploadId, Duration timeout) throws InterruptedException {
        try {
            return OptionalLong.of(future(Milestone.FINISHED, uploadId).get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            if (failure != null) throw new BenchFailure("reading " + Topics.UPLOADS_FINISHED.name() + " failed", failure);
            return OptionalLong.empty();
        } catch (ExecutionException e) {
            throw new BenchFailure("waiting for UploadFinished of " + uploadId + " failed", e.getCause());
        }
    }

    /** When a milestone of the upload arrived (nanoTime), if it has; asks without waiting. */
    OptionalLong arrivalOf(Milestone milestone, String uploadId) {
        CompletableFuture<Long> arrival = arrivals.get(new Key(milestone, uploadId));
        return arrival != null && arrival.isDone() && !arrival.isCompletedExceptionally()
                ? OptionalLong.of(arrival.join()) : OptionalLong.empty();
    }

    private CompletableFuture<Long> future(Milestone milestone, String uploadId) {
        return arrivals.computeIfAbsent(new Key(milestone, uploadId), key -> new CompletableFuture<>());
    }

    private Optional<Milestone> milestoneOf(ConsumerRecord<String, byte[]> record) {
        if (record.topic().equals(Topics.UPLOADS_FINISHED.name())) return Optional.of(Milestone.FINISHED);
        if (record.value() == null) return Optional.empty();
        if (record.topic().equals(Topics.UPLOAD_DECISIONS.name())) {
            return decisions.deserialize(record.topic(), record.value()).getPayload() instanceof UploadVerified
                    ? Optional.of(Milestone.VERIFIED) : Optional.empty();
        }
        return switch (blobEvents.deserialize(record.topic(), record.value()).getPayload()) {
            case AssetStored stored -> Optional.of(Milestone.ASSET_STORED);
            case ChunkStored stored -> Optional.of(Milestone.CHUNK_STORED);
            default -> Optional.empty();
        };
    }

    private void pollUntilClosed() {
        try {
            while (true) {
                var records = consumer.poll(POLL);
                long arrived = System.nanoTime();
                for (ConsumerRecord<String, byte[]> record : records) {
                    milestoneOf(record).ifPresent(milestone -> future(milestone, record.key()).complete(arrived));
                }
            }
        } catch (WakeupException closing) {
            // close() woke the poll: the watcher is done
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    @Override
    public void close() {
        consumer.wakeup();
        try {
            poller.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the poller is a daemon: it cannot hold the JVM
        }
    }
}
