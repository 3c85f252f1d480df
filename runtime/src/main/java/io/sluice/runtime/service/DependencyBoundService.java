package io.sluice.runtime.service;

import io.minio.MinioClient;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.http.RegistryProbe;
import io.sluice.runtime.kafka.KafkaClients;
import io.sluice.runtime.s3.S3Clients;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * A service that is ready when Kafka, the schema registry and (if it uses one) the bucket answer.
 * The services start from this and add their work on top.
 */
public class DependencyBoundService implements Service {

    private final Admin admin;
    private final DependencyWatch watch;

    public DependencyBoundService(SluiceConfig config, ServiceId id, boolean usesBucket) {
        this.admin = KafkaClients.admin(config, id.moduleName() + "-probe");
        List<DependencyProbe> probes = new ArrayList<>();
        probes.add(KafkaClients.probe(admin));
        probes.add(new RegistryProbe(config.get(Setting.SCHEMA_REGISTRY_URL)));
        if (usesBucket) {
            MinioClient minio = S3Clients.minio(config);
            probes.add(S3Clients.bucketProbe(minio, config.get(Setting.S3_BUCKET)));
        }
        this.watch = new DependencyWatch(probes);
    }

    @Override
    public void start() {
        watch.start(Duration.ofSeconds(2));
    }

    @Override
    public Readiness readiness() {
        return watch.readiness();
    }

    @Override
    public void close() {
        watch.close();
        admin.close(Duration.ofSeconds(5));
    }
}
