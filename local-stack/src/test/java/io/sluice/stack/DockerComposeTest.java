package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.runtime.service.ServiceJvmFlags;
import io.sluice.stack.component.KafkaBrokerProperties;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot run here (no Docker engine), so this keeps it and the Dockerfile
 * consistent with the code: variable names, ports, main classes, the broker's single-node settings.
 */
class DockerComposeTest {

    private static final Set<String> SETTING_NAMES = Arrays.stream(Setting.values()).map(Setting::env)
            .collect(Collectors.toSet());

    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void readCompose() throws IOException {
        Path root = Path.of(System.getProperty("sluice.project.root", ".."));
        try (Reader reader = Files.newBufferedReader(root.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader); // resolves anchors and << merges
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? List.of() : (List<Object>) value;
    }

    @Test
    void runsTheInfrastructureAndEveryService() {
        assertThat(services).containsKeys("kafka", "registry", "minio", "stack-init");
        for (ServiceId id : ServiceId.values()) assertThat(services).containsKey(id.moduleName());
        assertThat(services.get("kafka").get("image")).isEqualTo("apache/kafka:4.3.1");
        assertThat((String) services.get("registry").get("image")).startsWith("apicurio/apicurio-registry:3.0.9");
    }

    @Test
    void everySluiceVariableIsAKnownSetting() {
        services.forEach((name, service) -> map(service, "environment").keySet().stream()
                .filter(variable -> variable.startsWith("SLUICE_"))
                .forEach(variable -> assertThat(SETTING_NAMES).as("%s sets %s", name, variable).contains(variable)));
    }

    @Test
    void everyServiceAndTheInitJobReachTheInfrastructureByServiceName() {
        for (String name : sluiceContainers()) {
            Map<String, Object> environment = map(services.get(name), "environment");
            assertThat(environment).as(name)
                    .containsEntry(Setting.KAFKA_BOOTSTRAP_SERVERS.env(), "kafka:9092")
                    .containsEntry(Setting.SCHEMA_REGISTRY_URL.env(), "http://registry:8080/apis/ccompat/v7")
                    .containsEntry(Setting.S3_ENDPOINT.env(), "http://minio:9000")
                    .containsEntry(Setting.HTTP_HOST.env(), "0.0.0.0");
        }
    }

    @Test
    void theS3KeysMatchMinio() {
        Map<String, Object> minio = map(services.get("minio"), "environment");
        for (String name : sluiceContainers()) {
            Map<String, Object> environment = map(services.get(name), "environment");
            assertThat(environment.get(Setting.S3_ACCESS_KEY.env())).isEqualTo(minio.get("MINIO_ROOT_USER"));
            assertThat(environment.get(Setting.S3_SECRET_KEY.env())).isEqualTo(minio.get("MINIO_ROOT_PASSWORD"));
        }
    }

    @Test
    void theS3KeysAndTheTokensHaveNoDefaultSecret() {
        Pattern required = Pattern.compile("\\$\\{(SLUICE_[A-Z0-9_]+):\\?[^}]+}");
        Map<String, Object> minio = map(services.get("minio"), "environment");
        assertThat(String.valueOf(minio.get("MINIO_ROOT_PASSWORD"))).matches(required);
        for (String name : sluiceContainers()) {
            Map<String, Object> environment = map(services.get(name), "environment");
            for (Setting secret : List.of(Setting.S3_ACCESS_KEY, Setting.S3_SECRET_KEY, Setting.AUTH_TOKENS)) {
                assertThat(String.valueOf(environment.get(secret.env()))).as("%s %s", name, secret.env())
                        .matches(required).contains("${" + secret.env() + ":?");
            }
            assertThat(String.valueOf(environment.get(Setting.OPERATOR_TOKENS.env())))
                    .isEqualTo("${SLUICE_OPERATOR_TOKENS:-}");
        }
    }

    @Test
    void onlyTheApiIsPublishedAndTheDevelopmentProfileOnlyOnLoopback() {
        services.forEach((name, service) -> {
            List<Object> ports = list(service, "ports");
            if (list(service, "profiles").contains("dev") || list(service, "profiles").contains("observability")) {
                assertThat(ports).as(name).isNotEmpty().allSatisfy(port -> assertThat(String.valueOf(port))
                        .as(name).startsWith("127.0.0.1:"));
            } else if (name.equals(ServiceId.INGEST_API.moduleName())) {
                assertThat(ports).containsExactly("8080:8080");
            } else {
                assertThat(ports).as("%s publishes nothing", name).isEmpty();
            }
        });
        Set<String> forwarded = services.values().stream()
                .filter(service -> list(service, "profiles").contains("dev"))
                .flatMap(service -> list(service, "ports").stream()).map(String::valueOf).collect(Collectors.toSet());
        assertThat(forwarded).contains("127.0.0.1:9094:9094", "127.0.0.1:8085:8085", "127.0.0.1:9000:9000",
                "127.0.0.1:9001:9001", "127.0.0.1:8081:8081", "127.0.0.1:8082:8082", "127.0.0.1:8083:8083");
    }

    @Test
    @SuppressWarnings("unchecked")
    void scrapesEveryServiceOnItsDefaultPortAndProvisionsTheDashboardBehindAProfile() throws IOException {
        Path root = Path.of(System.getProperty("sluice.project.root", ".."));
        assertThat(list(services.get("prometheus"), "profiles")).containsExactly("observability");
        assertThat(list(services.get("grafana"), "profiles")).containsExactly("observability");
        Map<String, Object> prometheus;
        try (Reader reader = Files.newBufferedReader(root.resolve("ops/prometheus/prometheus.yml"))) {
            prometheus = new Yaml().load(reader);
        }
        List<Object> targets = ((List<Map<String, Object>>) prometheus.get("scrape_configs")).stream()
                .flatMap(job -> ((List<Map<String, Object>>) job.get("static_configs")).stream())
                .flatMap(config -> ((List<Object>) config.get("targets")).stream()).toList();
        assertThat(targets).containsExactlyInAnyOrderElementsOf(Arrays.stream(ServiceId.values())
                .map(id -> id.moduleName() + ":" + id.defaultHttpPort()).toList());
        assertThat(list(services.get("grafana"), "volumes")).contains("./docs/grafana:/var/lib/grafana/dashboards:ro");
        assertThat(root.resolve("docs/grafana/sluice-dashboard.json")).isRegularFile();
    }

    @Test
    void eachServiceProbesItsDefaultPortWithItsOwnMainClass() {
        for (ServiceId id : ServiceId.values()) {
            Map<String, Object> service = services.get(id.moduleName());
            int port = id.defaultHttpPort();
            assertThat(map(service, "environment")).as(id.moduleName()).doesNotContainKey(Setting.HTTP_PORT.env());
            assertThat(list(map(service, "healthcheck"), "test")).as(id.moduleName())
                    .contains("http://localhost:" + port + "/health/ready");
            Map<String, Object> args = map(map(service, "build"), "args");
            assertThat(args).as(id.moduleName())
                    .containsEntry("MODULE", id.moduleName())
                    .containsEntry("MAIN_CLASS", id.mainClass());
        }
    }

    @Test
    void servicesWaitForHealthyInfrastructureAndTheTopics() {
        for (ServiceId id : ServiceId.values()) {
            Map<String, Object> dependsOn = map(services.get(id.moduleName()), "depends_on");
            assertThat(dependsOn).as(id.moduleName()).containsOnlyKeys("kafka", "registry", "minio", "stack-init");
            assertThat(dependsOn.get("stack-init")).isEqualTo(Map.of("condition", "service_completed_successfully"));
            assertThat(dependsOn.get("kafka")).isEqualTo(Map.of("condition", "service_healthy"));
        }
        assertThat(map(services.get("stack-init"), "depends_on")).as("stack-init registers the schemas too")
                .containsOnlyKeys("kafka", "registry", "minio");
        assertThat(map(map(services.get("stack-init"), "build"), "args"))
                .containsEntry("MAIN_CLASS", "io.sluice.stack.bootstrap.BootstrapMain");
    }

    @Test
    void theBrokerHasTheLocalStacksSingleNodeSettings() {
        Map<String, Object> environment = map(services.get("kafka"), "environment");
        Map<String, String> local = KafkaBrokerProperties.of(9092, 9093, Path.of("/unused"));
        List<String> shared = List.of("offsets.topic.replication.factor", "transaction.state.log.replication.factor",
                "transaction.state.log.min.isr", "share.coordinator.state.topic.replication.factor",
                "share.coordinator.state.topic.min.isr", "default.replication.factor", "min.insync.replicas",
                "group.initial.rebalance.delay.ms", "auto.create.topics.enable", "num.partitions", "message.max.bytes",
                "replica.fetch.max.bytes", "socket.send.buffer.bytes", "socket.receive.buffer.bytes",
                "log.cleaner.dedupe.buffer.size");
        for (String property : shared) {
            String variable = "KAFKA_" + property.toUpperCase(Locale.ROOT).replace('.', '_');
            assertThat(String.valueOf(environment.get(variable))).as(variable).isEqualTo(local.get(property));
        }
    }

    @Test
    void theDockerfileSetsOnlyKnownSettings() throws IOException {
        String dockerfile = Files.readString(Path.of(System.getProperty("sluice.project.root", "..")).resolve("Dockerfile"));
        Set<String> used = Pattern.compile("SLUICE_[A-Z0-9_]+").matcher(dockerfile).results()
                .map(MatchResult::group).collect(Collectors.toSet());
        assertThat(used).isNotEmpty();
        assertThat(SETTING_NAMES).containsAll(used);
    }

    @Test
    void theDockerfileRunsServicesWithTheirJvmFlags() throws IOException {
        String dockerfile = Files.readString(Path.of(System.getProperty("sluice.project.root", "..")).resolve("Dockerfile"));
        assertThat(dockerfile).contains("JAVA_OPTS=\"-Xmx256m " + ServiceJvmFlags.asText(ServiceJvmFlags.ALL) + "\"");
    }

    private static List<String> sluiceContainers() {
        List<String> names = new java.util.ArrayList<>(List.of("stack-init"));
        for (ServiceId id : ServiceId.values()) names.add(id.moduleName());
        return names;
    }
}
