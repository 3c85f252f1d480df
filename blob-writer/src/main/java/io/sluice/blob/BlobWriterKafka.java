package io.sluice.blob;

import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Kafka client settings of the blob writer. */
final class BlobWriterKafka {

    /** Per partition and fetch; a larger record still comes back, alone (see {@link #consumer}). */
    static final int PARTITION_FETCH_MAX_BYTES = 4 * 1024 * 1024;

    /**
     * How long the broker may hold a fetch for idle partitions. The consumer sends one fetch per
     * broker at a time, so a partition resumed after a pause waits for the outstanding one: the
     * default 500 ms would be added to every pause (about ten idle fetches a second instead of two).
     */
    static final int FETCH_MAX_WAIT_MS = 100;

    private BlobWriterKafka() {}

    /**
     * At-least-once: offsets are committed by the loop after the work is acknowledged, never
     * automatically. A new group starts at the earliest retained record, so nothing published before
     * its first start is missed. {@code read_committed}: the session processor writes decisions (and
     * expiry requests) in transactions, and an aborted one must not be acted on. Cooperative
     * assignment: a rebalance takes only the partitions that move, and only their work in progress is
     * waited for.
     *
     * <p>Fetch sizes bound what the consumer buffers (contract I7). The consumer keeps one fetched batch
     * per partition it has not returned yet, including partitions paused while their work is under
     * way, and fetches the next one for a partition as soon as it returns records. A small
     * per-partition limit keeps each of those small: a record larger than the limit only comes
     * back as the first partition of a response, so a response carries at most one such record
     * (a whole chunk), and {@code fetch.max.bytes} bounds the rest.
     */
    static Properties consumer(SluiceConfig config, String groupId, String clientId, int maxPollRecords,
            int fetchMaxBytes) {
        Properties p = KafkaClients.common(config, clientId);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, fetchMaxBytes);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, PARTITION_FETCH_MAX_BYTES);
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, FETCH_MAX_WAIT_MS);
        p.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        p.putAll(KafkaClients.groupLiveness(""));
        return p;
    }

    /**
     * Idempotent, {@code acks=all}: an acknowledged report survives a broker failure, and a retried
     * send is not duplicated. No linger: each partition waits for its reports before it moves on.
     */
    static Properties producer(SluiceConfig config, String clientId, int maxRequestBytes) {
        Properties p = KafkaClients.common(config, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        return p;
    }
}
