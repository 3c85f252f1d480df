package io.sluice.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

@RealServers
class KafkaServerTest {

    @Test
    void shouldCreateTopicWithRequestedPartitionsAndConfig(KafkaServer kafka) throws Exception {
        kafka.createTopic("compacted-topic", 3, Map.of("cleanup.policy", "compact"));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            TopicDescription description = admin.describeTopics(List.of("compacted-topic"))
                    .allTopicNames().get().get("compacted-topic");
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, "compacted-topic");
            Config config = admin.describeConfigs(Set.of(resource)).all().get().get(resource);

            assertThat(description.partitions()).hasSize(3);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldAcceptCreatingAnExistingTopicWithTheSamePartitions(KafkaServer kafka) {
        kafka.createTopic("created-twice", 2, Map.of());
        kafka.createTopic("created-twice", 2, Map.of());

        assertThatThrownBy(() -> kafka.createTopic("created-twice", 4, Map.of()))
                .hasMessageContaining("exists with 2 partitions");
    }

    @Test
    void shouldShareOneInfrastructurePerJvm(Infrastructure first, Infrastructure second, KafkaServer kafka) {
        assertThat(first).isSameAs(second);
        assertThat(first.kafka()).isSameAs(kafka);
    }
}
