package io.sluice.runtime.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broker settings of a one-node KRaft cluster, the same wherever Sluice runs one: the local stack's
 * broker process, the tests' in-process broker and their Kafka container (and, by a test, the
 * docker-compose file). Measured on the project's machines: without replication factors and minimum ISRs of 1
 * the internal topics cannot be created and Kafka Streams waits in REBALANCING forever.
 */
public final class SingleNodeBroker {

    /** Largest record the broker accepts: chunk events go up to 16 MiB, dead letters wrap one. */
    public static final int MAX_MESSAGE_BYTES = 21 * 1024 * 1024;

    private SingleNodeBroker() {}

    /** The settings, in a stable order. */
    public static Map<String, String> settings() {
        Map<String, String> p = new LinkedHashMap<>();
        // One node: every replication factor and ISR minimum is 1.
        p.put("offsets.topic.replication.factor", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Topics come from the catalogue only; a typo in a topic name fails instead of creating one.
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // Multi-MiB chunk records.
        p.put("message.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        p.put("replica.fetch.max.bytes", String.valueOf(MAX_MESSAGE_BYTES));
        // Socket buffers sized by the kernel (TCP autotuning) instead of fixed at 100 KiB: a chunk
        // record is megabytes, and small fixed buffers cost many system calls per record.
        p.put("socket.send.buffer.bytes", "-1");
        p.put("socket.receive.buffer.bytes", "-1");
        // The default 128 MiB dedupe buffer does not fit a small heap (or a test JVM's); 8 MiB is plenty.
        p.put("log.cleaner.dedupe.buffer.size", "8388608");
        return p;
    }

    /** The settings as environment variables of the apache/kafka image ({@code KAFKA_FOO_BAR} for {@code foo.bar}). */
    public static Map<String, String> asContainerEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        settings().forEach((key, value) -> env.put("KAFKA_" + key.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return env;
    }
}
