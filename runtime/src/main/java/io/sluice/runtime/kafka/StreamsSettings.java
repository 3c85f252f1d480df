package io.sluice.runtime.kafka;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Kafka Streams settings shared by the Streams services: exactly-once (contract I8), state under
 * {@code SLUICE_STATE_DIR}, and input buffering bounded by record count and fetch size, because a
 * request record can carry a whole chunk and the defaults (1,000 buffered records per partition,
 * 500 records per poll, 50 MiB fetches) would let a few partitions' worth of chunks fill a small
 * heap (contract I7). Worst case held here: per assigned partition, the 2 records buffered, the decoded
 * head (with its raw bytes, which Streams keeps for its error handlers) and one fetched batch. Off the
 * heap, every RocksDB store of the process shares one budget ({@link BoundedStoreMemory}).
 */
public final class StreamsSettings {

    /** The most a Streams consumer asks for per fetch, beyond the first record batch it reaches. */
    static final int FETCH_BYTES = 1 << 20;

    private StreamsSettings() {}

    /**
     * Stops the app and leaves its group at once: by default a Streams member stays in its group
     * until its session times out, so the instance started next (or another one taking over) waited
     * for that before it got any partition (45 s measured for a plain restart).
     */
    public static void close(KafkaStreams streams) {
        streams.close(CloseOptions.timeout(Duration.ofSeconds(30))
                .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
    }

    /**
     * @param maxRecordBytes the largest record the app reads or writes (producers must be allowed to send it)
     */
    public static Properties exactlyOnce(SluiceConfig config, String applicationId, int maxRecordBytes) {
        Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.get(Setting.KAFKA_BOOTSTRAP_SERVERS));
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.STATE_DIR_CONFIG, Path.of(config.get(Setting.STATE_DIR)).toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.getInt(Setting.TOPIC_REPLICATION_FACTOR));
        p.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt(Setting.STANDBY_REPLICAS));
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0); // every update reaches the changelog and downstream at once
        p.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedStoreMemory.class);
        p.put(BoundedStoreMemory.TOTAL_BYTES_CONFIG, config.getLong(Setting.STATE_STORE_MEMORY));
        p.put(StreamsConfig.BUFFERED_RECORDS_PER_PARTITION_CONFIG, 2);
        // No waiting for a lagging co-partitioned input: measured, 500 ms made every finish about
        // four times slower (100 sequential small uploads: 51 s at 0, 190 s at 500). Records that
        // overtake each other across the inputs are handled by the processors instead.
        p.put(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, 0L);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 4);
        // A fetch answer returns the first record batch it reaches whatever its size, so answers of at
        // most 1 MiB still carry chunks of 16 MiB, one per answer. Larger answers would hold several
        // chunks each, and the consumer keeps an answer's data for as long as Streams keeps its
        // partition paused: across partitions they pile up (docs/benchmarks.md).
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.FETCH_MAX_BYTES_CONFIG), FETCH_BYTES);
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG), FETCH_BYTES);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG), maxRecordBytes + (1 << 20));
        p.put(StreamsConfig.producerPrefix(ProducerConfig.COMPRESSION_TYPE_CONFIG), "none");
        p.putAll(KafkaClients.socketBuffers()); // every client of the app: consumers, producer, admin
        p.putAll(KafkaClients.groupLiveness(StreamsConfig.consumerPrefix("")));
        return p;
    }
}
