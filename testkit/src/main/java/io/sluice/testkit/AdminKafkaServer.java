package io.sluice.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.TopicExistsException;

/** {@link KafkaServer} for any reachable cluster: topics are created through one shared admin client. */
final class AdminKafkaServer implements KafkaServer, AutoCloseable {

    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private final Admin admin;

    AdminKafkaServer(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "sluice-testkit-admin"));
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void createTopic(String name, int partitions, Map<String, String> config) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(config, "config");
        NewTopic topic = new NewTopic(name, Optional.of(partitions), Optional.empty()).configs(config);
        try {
            admin.createTopics(List.of(topic)).all().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Cannot create topic " + name, e.getCause());
            }
            // shared cluster: another test class may have created it already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + name, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Topic " + name + " not created within " + TOPIC_TIMEOUT, e);
        }
        TopicDescription description = Await.until(TOPIC_TIMEOUT, () -> describe(name),
                AdminKafkaServer::everyPartitionHasALeader, "every partition of topic " + name + " to have a leader");
        if (description.partitions().size() != partitions) {
            throw new IllegalStateException("Topic " + name + " exists with " + description.partitions().size()
                    + " partitions, not the " + partitions + " asked for");
        }
    }

    private TopicDescription describe(String name) throws Exception {
        return admin.describeTopics(List.of(name)).allTopicNames()
                .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(name);
    }

    private static boolean everyPartitionHasALeader(TopicDescription description) {
        return !description.partitions().isEmpty() && description.partitions().stream()
                .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
