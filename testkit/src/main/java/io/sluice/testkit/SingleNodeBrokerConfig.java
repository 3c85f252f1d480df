package io.sluice.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Broker settings for a one-node cluster, shared by the embedded broker and the Kafka container so
 * that both behave alike. Without the replication factors and min ISR of 1, the internal topics
 * cannot be created and Streams waits in REBALANCING forever.
 */
final class SingleNodeBrokerConfig {

    /** Chunks are up to 16 MiB; the headroom covers the Avro envelope and record overhead. */
    static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024 + 256 * 1024;

    static final Map<String, String> SETTINGS = settings();

    private SingleNodeBrokerConfig() {
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new TreeMap<>();
        settings.put("offsets.topic.replication.factor", "1");
        // one partition each: fewer log directories to create on the first group / transaction
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        // tests create their topics explicitly, as production does
        settings.put("auto.create.topics.enable", "false");
        settings.put("message.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        settings.put("replica.fetch.max.bytes", Integer.toString(MAX_MESSAGE_BYTES));
        // the default 128 MiB dedupe buffer would be allocated inside the test JVM's heap
        settings.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
        return Map.copyOf(settings);
    }

    /** The same settings as environment variables of the apache/kafka image (KAFKA_FOO_BAR for foo.bar). */
    static Map<String, String> asContainerEnvironment() {
        Map<String, String> env = new TreeMap<>();
        SETTINGS.forEach((key, value) -> env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }
}
