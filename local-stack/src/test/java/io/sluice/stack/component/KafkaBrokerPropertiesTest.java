package io.sluice.stack.component;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.schemas.topics.Topics;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaBrokerPropertiesTest {

    private final Map<String, String> properties = KafkaBrokerProperties.of(29092, 29093, Path.of("/data/kafka"));

    @Test
    void isOneCombinedNodeOnLoopbackOnTheGivenPorts() {
        assertThat(properties).containsEntry("process.roles", "broker,controller")
                .containsEntry("node.id", "1")
                .containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
                .containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:29093")
                .containsEntry("controller.listener.names", "CONTROLLER")
                .containsEntry("log.dirs", "/data/kafka");
        assertThat(properties.get("advertised.listeners")).startsWith("PLAINTEXT://127.0.0.1:29092");
    }

    @Test
    void replicatesEverythingOnceSoStreamsAndTransactionsWorkOnOneNode() {
        assertThat(properties).containsEntry("offsets.topic.replication.factor", "1")
                .containsEntry("transaction.state.log.replication.factor", "1")
                .containsEntry("transaction.state.log.min.isr", "1")
                .containsEntry("share.coordinator.state.topic.replication.factor", "1")
                .containsEntry("share.coordinator.state.topic.min.isr", "1")
                .containsEntry("default.replication.factor", "1")
                .containsEntry("min.insync.replicas", "1")
                .containsEntry("group.initial.rebalance.delay.ms", "0");
    }

    @Test
    void acceptsMultiMebibyteRecordsAndCreatesNoTopicByItself() {
        // The catalogue's largest records (chunks, dead letters) and Streams changelogs of parked chunks.
        assertThat(Integer.parseInt(properties.get("message.max.bytes")))
                .isGreaterThanOrEqualTo(20 * 1024 * 1024)
                .isGreaterThanOrEqualTo(Topics.PRODUCER_MAX_REQUEST_BYTES);
        assertThat(properties.get("replica.fetch.max.bytes")).isEqualTo(properties.get("message.max.bytes"));
        assertThat(properties).containsEntry("auto.create.topics.enable", "false")
                .containsEntry("log.cleaner.dedupe.buffer.size", "8388608");
    }

    @Test
    void rendersAsAPropertiesFile() {
        String text = KafkaBrokerProperties.render(properties);
        assertThat(text).startsWith("#").contains("\nnode.id=1\n").endsWith("\n");
    }
}
