package io.sluice.stack.bootstrap;

import io.minio.MinioClient;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSchemas;
import io.sluice.schemas.topics.Topics;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;

/**
 * What must exist before the services start: the topics of the catalogue ({@link Topics}), their
 * value schemas in the registry (BACKWARD), and the bucket. Run by {@code ./sluice up} and, in
 * docker-compose, by the one-shot {@code stack-init} container ({@link BootstrapMain}), so both
 * stacks are set up by the same code. The schemas are there before any service or HTTP request:
 * a producer in another language that fetches them by subject ({@code <topic>-value}) can publish
 * on a stack that has seen no traffic.
 */
public final class StackBootstrap {

    private StackBootstrap() {}

    public static void run(SluiceConfig config, PrintStream out) throws Exception {
        topics(config, out);
        schemas(config, out);
        bucket(config, out);
    }

    public static void topics(SluiceConfig config, PrintStream out) throws Exception {
        short replicationFactor = Short.parseShort(config.get(Setting.TOPIC_REPLICATION_FACTOR));
        try (Admin admin = KafkaClients.admin(config, "sluice-stack-bootstrap")) {
            List<NewTopic> topics = Topics.all().stream().map(topic -> topic.newTopic(replicationFactor)).toList();
            TopicBootstrap.Outcome outcome = TopicBootstrap.ensureTopics(admin, topics);
            out.printf("%-19s %d created%s, %d already there%n", "topics", outcome.created().size(),
                    outcome.created().isEmpty() ? "" : " (" + String.join(", ", outcome.created()) + ")",
                    outcome.existing().size());
        }
    }

    public static void schemas(SluiceConfig config, PrintStream out) {
        Map<String, Integer> ids = TopicSchemas.registerAll(
                SchemaRegistryClient.of(config.get(Setting.SCHEMA_REGISTRY_URL)));
        out.printf("%-19s %d subjects registered (BACKWARD)%n", "schemas", ids.size());
    }

    public static void bucket(SluiceConfig config, PrintStream out) throws Exception {
        MinioClient minio = S3Clients.minio(config);
        String bucket = config.get(Setting.S3_BUCKET);
        boolean created = BucketBootstrap.ensureBucket(minio, bucket);
        out.printf("%-19s %s %s%n", "bucket", bucket, created ? "created" : "already there");
    }
}
