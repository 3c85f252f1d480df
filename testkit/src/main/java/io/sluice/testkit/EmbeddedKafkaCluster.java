package io.sluice.testkit;

import io.sluice.runtime.kafka.SingleNodeBroker;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node KRaft cluster (broker and controller combined) inside this JVM. The only class that
 * touches Kafka's internal test kit, whose API changes between releases: the version is pinned in
 * the root pom.
 */
// "try": close() throws what the wrapped server's stop throws; LazyInfrastructure reports it
@SuppressWarnings("try")
final class EmbeddedKafkaCluster implements AutoCloseable {

    private final KafkaClusterTestKit cluster;
    private boolean closed;

    private EmbeddedKafkaCluster(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    /** Formats the storage under {@code baseDirectory}, starts the node and waits until the broker is ready. */
    static EmbeddedKafkaCluster start(Path baseDirectory) throws Exception {
        TestKitNodes nodes = new TestKitNodes.Builder(productionBootstrapMetadata())
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(baseDirectory)
                .build();
        KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes).setDeleteOnClose(true);
        SingleNodeBroker.settings().forEach(builder::setConfigProp);
        // one partition each: fewer log directories to create on the first group / transaction
        builder.setConfigProp("offsets.topic.num.partitions", "1");
        builder.setConfigProp("transaction.state.log.num.partitions", "1");
        EmbeddedKafkaCluster started = new EmbeddedKafkaCluster(builder.build());
        try {
            started.cluster.format();
            started.cluster.startup();
            started.cluster.waitForReadyBrokers();
            return started;
        } catch (Exception | Error e) {
            try {
                started.close();
            } catch (Exception closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
    }

    /**
     * The latest production metadata version with every production feature at its default level
     * (transaction.version=2 among them). The builder's default is an unreleased metadata version,
     * and {@code setBootstrapMetadataVersion} would drop the other features.
     */
    private static BootstrapMetadata productionBootstrapMetadata() {
        MetadataVersion metadataVersion = MetadataVersion.latestProduction();
        Map<String, Short> featureLevels = new HashMap<>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            featureLevels.put(feature.featureName(), feature.defaultLevel(metadataVersion));
        }
        return BootstrapMetadata.fromVersions(metadataVersion, featureLevels, "sluice testkit");
    }

    String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Stops the node; safe to call more than once (the test kit's own close is not). */
    @Override
    public synchronized void close() throws Exception {
        if (closed) {
            return;
        }
        closed = true;
        cluster.close();
    }
}
