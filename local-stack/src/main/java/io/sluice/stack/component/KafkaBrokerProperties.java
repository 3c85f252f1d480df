package io.sluice.stack.component;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code server.properties} of the single-node KRaft broker (broker and controller in one process).
 * The single-node values are the ones measured in INFRA-FACTS: without replication factors of 1,
 * Kafka Streams waits forever for internal topics it cannot create.
 */
public final class KafkaBrokerProperties {

    /** Largest record the broker accepts: chunks go up to 16 MiB plus headers and envelope. */
    public static final int MAX_MESSAGE_BYTES = 20 * 1024 * 1024 + 1024 * 1024;

    private KafkaBrokerProperties() {}

    public static Map<String, String> of(int clientPort, int controllerPort, Path logDir) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
        p.put("log.dirs", logDir.toString());

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

        // The default 128 MiB dedupe buffer does not fit the small heap; 8 MiB is plenty locally.
        p.put("log.cleaner.dedupe.buffer.size", "8388608");
        return p;
    }

    public static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# Written by ./sluice at every start of the broker; edits are overwritten.\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
