package io.sluice.stack.bootstrap;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.s3.S3Clients;
import io.sluice.stack.readiness.KafkaProbe;
import io.sluice.stack.readiness.Readiness;
import io.sluice.stack.readiness.S3Probe;
import java.time.Duration;
import java.util.Optional;

/**
 * The docker-compose one-shot: waits for Kafka and S3, creates the topics and the bucket, exits.
 * Configured like a service, through the {@code SLUICE_*} variables.
 */
public final class BootstrapMain {

    private static final Duration DEADLINE = Duration.ofMinutes(2);

    private BootstrapMain() {}

    public static void main(String[] args) {
        int status;
        try {
            SluiceConfig config = SluiceConfig.load();
            try (KafkaProbe kafka = new KafkaProbe(config.get(Setting.KAFKA_BOOTSTRAP_SERVERS))) {
                Readiness.await("kafka", kafka, Optional.empty(), DEADLINE);
            }
            Readiness.await("s3", new S3Probe(S3Clients.minio(config)), Optional.empty(), DEADLINE);
            StackBootstrap.run(config, System.out);
            status = 0;
        } catch (Exception e) {
            System.err.println("Bootstrap failed: " + e);
            e.printStackTrace(System.err);
            status = 1;
        }
        // The S3 client's HTTP threads would keep the JVM alive for a minute otherwise.
        System.exit(status);
    }
}
