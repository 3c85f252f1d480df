package io.sluice.stack.component;

import io.sluice.runtime.kafka.SingleNodeBroker;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code server.properties} of the single-node KRaft broker (broker and controller in one process).
 * The single-node values are the ones measured on the project's machines: without replication factors of 1,
 * Kafka Streams waits forever for internal topics it cannot create.
 */
public final class KafkaBrokerProperties {

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

        p.putAll(SingleNodeBroker.settings());
        return p;
    }

    public static String render(Map<String, String> properties) {
        StringBuilder text = new StringBuilder("# Written by ./sluice at every start of the broker; edits are overwritten.\n");
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
