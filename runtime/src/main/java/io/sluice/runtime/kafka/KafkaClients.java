package io.sluice.runtime.kafka;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.DependencyProbe;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Kafka client settings every component shares, and a reachability probe. */
public final class KafkaClients {

    private KafkaClients() {}

    public static Properties common(SluiceConfig config, String clientId) {
        Properties properties = new Properties();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, config.get(Setting.KAFKA_BOOTSTRAP_SERVERS));
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        properties.putAll(socketBuffers());
        return properties;
    }

    /**
     * Socket buffers sized by the kernel (TCP autotuning) rather than Kafka's fixed 128 KiB send /
     * 64 KiB receive. A chunk record is megabytes, and the JDK copies everything a non-blocking
     * write has not sent yet into a temporary native buffer on every write call: with a small send
     * buffer an 8 MiB record took dozens of calls and copies. Measured with one producer, 8 MiB
     * records, acks=all: 12-19 ms of CPU per record at the defaults, 6-7 ms with these (and a
     * quarter of the ingest API's CPU samples in the benchmark profile were those copies).
     */
    public static Map<String, Object> socketBuffers() {
        return Map.of(CommonClientConfigs.SEND_BUFFER_CONFIG, -1, CommonClientConfigs.RECEIVE_BUFFER_CONFIG, -1);
    }

    /**
     * How soon a group notices a member that died without leaving (a {@code kill -9}, a lost host)
     * and gives its partitions to another: 10 s instead of Kafka's 45, heartbeats every 3 s.
     *
     * @param prefix the prefix the keys need ({@code "main.consumer."}-style for Streams, empty for a plain consumer)
     */
    public static Map<String, Object> groupLiveness(String prefix) {
        return Map.of(prefix + ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000,
                prefix + ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
    }

    public static Admin admin(SluiceConfig config, String clientId) {
        Properties properties = common(config, clientId);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        return Admin.create(properties);
    }

    /** Ready when the cluster answers a describe-cluster call within five seconds. */
    public static DependencyProbe probe(Admin admin) {
        return new DependencyProbe() {
            @Override
            public String name() {
                return "kafka";
            }

            @Override
            public void check() throws Exception {
                admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
            }
        };
    }
}
