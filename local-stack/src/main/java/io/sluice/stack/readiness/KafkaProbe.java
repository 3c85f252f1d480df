package io.sluice.stack.readiness;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Ready when the broker answers a describe-cluster call with at least one node: a KRaft broker
 * opens its client listener only once it has caught up with the metadata log and is unfenced.
 */
public final class KafkaProbe implements ReadinessProbe {

    private static final int TIMEOUT_MS = 2_000;

    private final Admin admin;

    public KafkaProbe(String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "sluice-stack-probe",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200));
    }

    @Override
    public ProbeResult check() {
        try {
            int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return nodes > 0 ? ProbeResult.isReady() : ProbeResult.notReady("no broker registered yet");
        } catch (ExecutionException e) {
            return ProbeResult.notReady(String.valueOf(e.getCause()));
        } catch (TimeoutException e) {
            return ProbeResult.notReady("no answer within " + TIMEOUT_MS + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ProbeResult.notReady("interrupted");
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ZERO);
    }
}
