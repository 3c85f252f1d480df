package io.sluice.testkit;

import java.util.Map;

/** A running Kafka cluster that tests can produce to, consume from and create topics on. */
public interface KafkaServer {

    /** The value for the clients' {@code bootstrap.servers}. */
    String bootstrapServers();

    /**
     * Creates a topic through the admin API and returns once every partition has a leader, so a
     * producer can write to it at once. Creating a topic that already exists with the same number
     * of partitions is allowed (test classes in one JVM share the cluster); a different number of
     * partitions is an error.
     *
     * @param config topic-level configs such as {@code cleanup.policy}; may be empty, not null
     */
    void createTopic(String name, int partitions, Map<String, String> config);
}
