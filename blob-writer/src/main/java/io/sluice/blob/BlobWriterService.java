package io.sluice.blob;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.sluice.blob.assembly.AssemblyProcessor;
import io.sluice.blob.assembly.AssetAssembler;
import io.sluice.blob.assembly.ChunkObjects;
import io.sluice.blob.chunks.ChunkStorer;
import io.sluice.blob.consume.DeadLetterWriter;
import io.sluice.blob.consume.Decoded;
import io.sluice.blob.consume.LoopSettings;
import io.sluice.blob.consume.PartitionedConsumerLoop;
import io.sluice.blob.consume.PoisonAwareDeserializer;
import io.sluice.blob.consume.RetryBackoff;
import io.sluice.blob.parts.AssetMultipartUploads;
import io.sluice.blob.parts.PartClaims;
import io.sluice.events.BlobEvent;
import io.sluice.events.DeadLetter;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.Metrics;
import io.sluice.runtime.service.DependencyWatch;
import io.sluice.runtime.service.Readiness;
import io.sluice.runtime.service.Service;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.ServiceSchemaRegistry;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The blob writer: two consumer groups over one object store.
 * <ul>
 * <li>{@value #CHUNKS_GROUP} reads the request topic and stores every chunk's bytes, reporting each
 *     with {@code ChunkStored};
 * <li>{@value #ASSEMBLY_GROUP} reads the decision topic, assembles verified uploads into their asset
 *     objects (reported with {@code AssetStored}) and deletes chunk objects no longer needed.
 * </ul>
 * Separate groups, so a long assembly never holds up chunk storage. Ready when both consumers have
 * joined their groups and the bucket is reachable (it is created at start when missing).
 */
public final class BlobWriterService implements Service {

    public static final String CHUNKS_GROUP = "sluice-blob-writer-chunks";
    public static final String ASSEMBLY_GROUP = "sluice-blob-writer-assembly";

    /**
     * Chunk record bytes queued or under way before fetching stops: two of the largest records
     * (16 MiB chunks), five of the default 8 MiB ones. The chunks of a partition's batch are
     * stored at once ({@link ChunkStorer}), so this is also how many PUTs one upload can have in
     * flight. With the consumer's own buffers (see {@link BlobWriterKafka#consumer}) the chunk path
     * holds a bounded handful of chunks whatever the file size (contract I7; BlobWriterHeapMeasurement).
     */
    static final long CHUNKS_IN_FLIGHT_BYTES = 2L * Topics.MAX_EVENT_BYTES;
    static final int CHUNKS_PER_POLL = 2;
    static final int CHUNKS_FETCH_MAX_BYTES = Topics.MAX_EVENT_BYTES;
    /** Decisions are small, but for {@code UploadVerified}, which lists every chunk. */
    static final long DECISIONS_IN_FLIGHT_BYTES = Topics.MAX_EVENT_BYTES;
    static final int DECISIONS_PER_POLL = 50;
    static final int DECISIONS_FETCH_MAX_BYTES = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(BlobWriterService.class);
    private static final String COMPONENT = ServiceId.BLOB_WRITER.moduleName();

    private final Deque<AutoCloseable> toClose = new ArrayDeque<>();
    private final BlobWriterCounters counters;
    private final DependencyWatch bucketWatch;
    private final PartitionedConsumerLoop<UploadRequest> chunkLoop;
    private final PartitionedConsumerLoop<UploadDecision> assemblyLoop;
    private volatile boolean closed;

    public BlobWriterService(SluiceConfig config, Metrics metrics) {
        this(config, metrics, ServiceSchemaRegistry.of(SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)),
                config.getBoolean(Setting.SCHEMA_AUTO_REGISTER)), RetryBackoff.DEFAULT);
    }

    public BlobWriterService(SluiceConfig config, Metrics metrics, SchemaRegistry registry, RetryBackoff backoff) {
        this.counters = new BlobWriterCounters(metrics);
        try {
            ObjectStore store = opened(ObjectStore.connect(config));
            Producer<String, BlobEvent> blobEvents = opened(new KafkaProducer<>(
                    BlobWriterKafka.producer(config, COMPONENT + "-blob-events", Topics.MAX_EVENT_BYTES),
                    Topics.BLOB_EVENTS.keySerde(registry).serializer(),
                    Topics.BLOB_EVENTS.valueSerde(registry).serializer()));
            Producer<byte[], DeadLetter> deadLetterProducer = opened(new KafkaProducer<>(
                    BlobWriterKafka.producer(config, COMPONENT + "-dead-letters", Topics.PRODUCER_MAX_REQUEST_BYTES),
                    Topics.DEAD_LETTERS.keySerde(registry).serializer(),
                    Topics.DEAD_LETTERS.valueSerde(registry).serializer()));
            bindClientMetrics(metrics, blobEvents);
            bindClientMetrics(metrics, deadLetterProducer);
            DeadLetterWriter deadLetters = new DeadLetterWriter(deadLetterProducer, COMPONENT, Clock.systemUTC());
            ExecutorService workers = opened(Executors.newVirtualThreadPerTaskExecutor());
            AssetMultipartUploads multipartUploads = new AssetMultipartUploads(store.asyncClient(), store.bucket(), workers);
            PartClaims claims = new PartClaims(store.chunkWriter(), store.client(), store.bucket());

            this.chunkLoop = opened(new PartitionedConsumerLoop<>(
                    new LoopSettings("chunks", Topics.UPLOAD_REQUESTS.name(), CHUNKS_IN_FLIGHT_BYTES, backoff),
                    consumer(config, CHUNKS_GROUP, "chunks", CHUNKS_PER_POLL, CHUNKS_FETCH_MAX_BYTES,
                            Topics.UPLOAD_REQUESTS, registry, metrics),
                    new ChunkStorer(store.chunkWriter(), store.bucket(), multipartUploads, claims, blobEvents, counters,
                            Clock.systemUTC(), workers),
                    deadLetters, Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer()));
            this.assemblyLoop = opened(new PartitionedConsumerLoop<>(
                    new LoopSettings("assembly", Topics.UPLOAD_DECISIONS.name(), DECISIONS_IN_FLIGHT_BYTES, backoff),
                    consumer(config, ASSEMBLY_GROUP, "assembly", DECISIONS_PER_POLL, DECISIONS_FETCH_MAX_BYTES,
                            Topics.UPLOAD_DECISIONS, registry, metrics),
                    new AssemblyProcessor(new AssetAssembler(store.client(), store.asyncClient(), store.bucket(),
                            multipartUploads, claims),
                            new ChunkObjects(store.client(), store.bucket()), blobEvents, counters, Clock.systemUTC(),
                            workers),
                    deadLetters, Topics.UPLOAD_DECISIONS.valueSerde(registry).serializer()));
            this.bucketWatch = opened(new DependencyWatch(List.of(new BucketProvisioning(store.client(), store.bucket()))));
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        metrics.functionCounter("blob_chunk_attempts_failed", "Chunk batches that failed and were scheduled again.",
                chunkLoop, PartitionedConsumerLoop::failedAttempts)
                .functionCounter("blob_assembly_attempts_failed", "Decision batches that failed and were scheduled again.",
                        assemblyLoop, PartitionedConsumerLoop::failedAttempts);
    }

    @Override
    public void start() {
        bucketWatch.start(Duration.ofSeconds(2));
        chunkLoop.start();
        assemblyLoop.start();
    }

    @Override
    public Readiness readiness() {
        for (Readiness part : List.of(bucketWatch.readiness(), chunkLoop.readiness(), assemblyLoop.readiness())) {
            if (!part.isReady()) return part;
        }
        return Readiness.ready();
    }

    public BlobWriterCounters counters() {
        return counters;
    }

    /** Failed attempts of both loops, for tests that wait for a retry. */
    public long failedAttempts() {
        return chunkLoop.failedAttempts() + assemblyLoop.failedAttempts();
    }

    /** Stops the loops first (they finish and commit work under way), then their producers and clients. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        while (!toClose.isEmpty()) {
            AutoCloseable next = toClose.pop();
            try {
                next.close();
            } catch (Exception e) {
                log.warn("Closing {} failed", next, e);
            }
        }
    }

    private <T extends AutoCloseable> T opened(T resource) {
        toClose.push(resource);
        return resource;
    }

    private static <V> Consumer<byte[], Decoded<V>> consumer(SluiceConfig config, String groupId, String name,
            int maxPollRecords, int fetchMaxBytes, TopicSpec<String, V> topic, SchemaRegistry registry, Metrics metrics) {
        KafkaConsumer<byte[], Decoded<V>> consumer = new KafkaConsumer<>(
                BlobWriterKafka.consumer(config, groupId, COMPONENT + "-" + name, maxPollRecords, fetchMaxBytes),
                new ByteArrayDeserializer(),
                new PoisonAwareDeserializer<>(topic.valueSerde(registry).deserializer()));
        bindClientMetrics(metrics, consumer); // consumer lag (records_lag_max) and fetch rates per consumer
        return consumer;
    }

    /** The Kafka client's own metrics on {@code /metrics}; removed when the client closes. */
    private static void bindClientMetrics(Metrics metrics, Consumer<?, ?> consumer) {
        new KafkaClientMetrics(consumer).bindTo(metrics.registry());
    }

    private static void bindClientMetrics(Metrics metrics, Producer<?, ?> producer) {
        new KafkaClientMetrics(producer).bindTo(metrics.registry());
    }
}
