package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.minio.BucketExistsArgs;
import io.minio.MinioClient;
import io.sluice.client.ApiAnswer;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.serde.SchemaRegistration;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.stack.DevToken;
import io.sluice.stack.PortPlan;
import io.sluice.stack.process.ProcessLiveness;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The local stack as an operator runs it: {@code ./sluice up --detach}, kill, status, restart, a
 * large upload, every port walked without the right token ({@link PortWalk}), the benchmark's smoke
 * run, down.
 */
class LocalStackEndToEndTest {

    /** Far from the developer's stack (8080-9093) and below the ephemeral range tests bind in. */
    private static final int PORT_OFFSET = 20000;
    private static final PortPlan PORTS = PortPlan.withOffset(PORT_OFFSET);
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(75);
    /** The smoke run takes about 15 s on two idle cores; far longer while other builds share them. */
    private static final Duration BENCH_DEADLINE = Duration.ofSeconds(150);

    private static Path stackHome;
    private static SluiceScript sluice;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void freshStack() throws IOException {
        Path root = Path.of(System.getProperty("sluice.project.root"));
        stackHome = root.resolve("e2e-tests/target/sluice-stack");
        sluice = new SluiceScript(root, stackHome, PORT_OFFSET);
        sluice.run(COMMAND_DEADLINE, "down"); // a stack left by an aborted earlier run
        deleteRecursively(stackHome);
    }

    @AfterAll
    static void stopStack() {
        sluice.run(COMMAND_DEADLINE, "down");
    }

    @Test
    @Timeout(300)
    void shouldBringTheLocalStackUpAndAnswerHealth() throws Exception {
        SluiceScript.Result up = sluice.run(COMMAND_DEADLINE, "up", "--detach");
        assertThat(up.exitCode()).as(up.output()).isZero();
        assertThat(up.output()).contains("Up in");

        assertThat(httpStatus(PORTS.registry(), "/health/ready")).isEqualTo(200);
        assertThat(bucketExists()).isTrue();
        assertThat(topicNames()).containsAll(Topics.all().stream().map(TopicSpec::name).toList());
        String token = Files.readString(stackHome.resolve("dev-token")).trim();
        uploadDirectlyWithTheRegisteredSchemasBeforeAnyTraffic(token);
        for (ServiceId id : ServiceId.values()) {
            assertThat(httpStatus(PORTS.service(id), "/health/ready")).as(id.moduleName()).isEqualTo(200);
        }
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(up.output()).contains(token);
        for (ServiceId id : ServiceId.values()) {
            assertThat(environmentOf(id.moduleName())).as(id.moduleName())
                    .contains(Setting.AUTH_TOKENS.env() + "=dev=sha256:" + sha256Hex(token));
        }

        SluiceScript.Result kill = sluice.run(COMMAND_DEADLINE, "kill", "blob-writer");
        assertThat(kill.exitCode()).isZero();
        SluiceScript.Result status = sluice.run(COMMAND_DEADLINE, "status");
        assertThat(status.exitCode()).as("status with a component down").isEqualTo(3);
        assertThat(lineOf(status.output(), "blob-writer")).contains("stopped");
        assertThat(lineOf(status.output(), "ingest-api")).contains("ready");

        SluiceScript.Result restart = sluice.run(COMMAND_DEADLINE, "restart", "blob-writer");
        assertThat(restart.exitCode()).as(restart.output()).isZero();
        assertThat(httpStatus(PORTS.service(ServiceId.BLOB_WRITER), "/health/ready")).isEqualTo(200);
        assertThat(sluice.run(COMMAND_DEADLINE, "status").exitCode()).as("status with everything ready").isZero();

        String[] uploaded = uploadAFileLargerThanEveryServicesHeap(token);
        followTheReadmesFirstUpload();
        String operatorToken = Files.readString(stackHome.resolve("operator-token")).trim();
        assertThat(up.output()).doesNotContain(operatorToken).contains("operator-token");
        new PortWalk(PORTS, token, operatorToken, uploaded[0], uploaded[1], uploaded[2], "large.bin")
                .assertNothingServedWithoutTheRightToken();
        runTheBenchmarkSmoke();
        runTheScaleBenchmarkSmoke();

        List<ProcessHandle> processes = recordedProcesses();
        assertThat(processes).hasSize(7);
        SluiceScript.Result down = sluice.run(COMMAND_DEADLINE, "down");
        assertThat(down.exitCode()).as(down.output()).isZero();
        assertThat(processes).noneMatch(ProcessLiveness::isRunning);
        assertThat(stackHome.resolve("run")).isEmptyDirectory();
        for (int port : allPorts()) assertThat(listening(port)).as("port %d after down", port).isFalse();
    }

    /**
     * The README's "Upload your first file", as a newcomer follows it from a clone's root: the client's
     * two commands and the curl block, run as written — in a directory whose {@code ./sluice} and
     * {@code .sluice} are this stack's, the API's port the only thing changed (the stack runs on offset ports).
     */
    private static void followTheReadmesFirstUpload() throws Exception {
        Path root = Path.of(System.getProperty("sluice.project.root"));
        Path work = stackHome.resolveSibling("readme-first-upload");
        deleteRecursively(work);
        Files.createDirectories(work);
        Path wrapper = Files.writeString(work.resolve("sluice"), "#!/bin/sh\nexec '" + root.resolve("sluice") + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        Files.createSymbolicLink(work.resolve(".sluice"), stackHome);
        byte[] photo = Uploads.randomFile(3 << 20, 1901);
        Files.write(work.resolve("holiday.jpg"), photo);
        Files.writeString(work.resolve("hello.txt"), "hello, Sluice\n");
        List<List<String>> blocks = ReadmeSection.shBlocks(root.resolve("README.md"), "## Upload your first file");

        List<String> client = ReadmeSection.commands(blocks.get(0));
        assertThat(client).hasSize(2);
        SluiceScript.Result upload = sluice.bash(COMMAND_DEADLINE, work, client.get(0));
        assertThat(upload.exitCode()).as(upload.output()).isZero();
        String[] line = upload.output().lines().filter(text -> text.startsWith("as_")).findFirst().orElseThrow().split("\t");
        assertThat(line[2]).isEqualTo(SluiceClient.sha256(photo, 0, photo.length));
        SluiceScript.Result download = sluice.bash(COMMAND_DEADLINE, work, client.get(1).replace("as_…", line[0]));
        assertThat(download.exitCode()).as(download.output()).isZero();
        assertThat(Files.readAllBytes(work.resolve("copy.jpg"))).isEqualTo(photo);

        String curl = String.join("\n", blocks.get(1))
                .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + PORTS.service(ServiceId.INGEST_API));
        SluiceScript.Result curled = sluice.bash(COMMAND_DEADLINE, work, curl);
        assertThat(curled.exitCode()).as(curled.output()).isZero();
        assertThat(curled.output()).contains("\"assetId\":\"as_").endsWith("hello, Sluice\n");
    }

    /**
     * contract I7 / scenario 5: a 300 MiB upload through the stack, whose services each run with a
     * 256 MiB heap, finishes and reads back byte-identical; no component can have held the file.
     */
    private static String[] uploadAFileLargerThanEveryServicesHeap(String token) throws Exception {
        for (ServiceId id : ServiceId.values()) {
            assertThat(heapMaxBytes(PORTS.service(id))).as("heap of %s", id.moduleName()).isLessThanOrEqualTo(256L << 20);
        }
        SluiceClient client = new SluiceClient("http://127.0.0.1:" + PORTS.service(ServiceId.INGEST_API), token);
        int chunkSize = 8 << 20;
        long size = 300L << 20;
        int chunks = (int) ((size + chunkSize - 1) / chunkSize);
        ApiAnswer created = client.create(client.newUpload("large.bin", size, chunkSize));
        assertThat(created.status()).as("create: %s", created.json()).isEqualTo(201);
        String uploadId = created.text("uploadId");
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        byte[] chunk = new byte[chunkSize];
        java.util.Random random = new java.util.Random(300);
        for (int i = 0; i < chunks; i++) {
            int length = (int) Math.min(chunkSize, size - (long) i * chunkSize);
            random.nextBytes(chunk);
            whole.update(chunk, 0, length);
            assertThat(client.putChunk(uploadId, i, chunk, 0, length).status()).as("chunk %d", i).isEqualTo(202);
        }
        String sha256 = HexFormat.of().formatHex(whole.digest());

        ApiAnswer finished = client.finish(uploadId, size, sha256);

        assertThat(finished.status()).as("finish: %s", finished.json()).isEqualTo(200);
        SluiceClient.ContentDigest content = client.contentDigest(finished.text("assetId"));
        assertThat(content.bytes()).isEqualTo(size);
        assertThat(content.sha256()).isEqualTo(sha256);
        return new String[] {uploadId, finished.text("assetId"), sha256};
    }

    /**
     * Issue 5: CI runs the benchmark's smoke version so the tool never rots. Here, on the stack
     * already up (one stack start fewer than a test of its own), writing beside this test's stack.
     */
    private static void runTheBenchmarkSmoke() throws IOException {
        Path results = stackHome.resolveSibling("bench-smoke").resolve("results.json");
        Files.deleteIfExists(results);

        SluiceScript.Result bench = sluice.run(BENCH_DEADLINE, "bench", "--smoke", "--out", results.toString());

        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("| figure | Sluice | direct PUT | Sluice / direct |");
        BenchSmokeResults.assertComplete(results);
    }

    /** Issue 13's read-side benchmark, scaled down: the fill, the API restarted on it, its reads. */
    private static void runTheScaleBenchmarkSmoke() throws IOException {
        Path results = stackHome.resolveSibling("bench-smoke").resolve("scale.json");
        Files.deleteIfExists(results);

        SluiceScript.Result bench = sluice.run(BENCH_DEADLINE, "bench", "--scale", "--smoke", "--out", results.toString());

        assertThat(bench.exitCode()).as(bench.output()).isZero();
        assertThat(bench.output()).contains("| API heap after a full GC (MiB) |");
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.at("/filled/failure").isMissingNode()).as(bench.output()).isTrue();
        assertThat(json.at("/filled/heapAfterGcMiB").asDouble()).isPositive();
        for (String kind : List.of("asset", "upload", "listPage", "healthLive")) {
            assertThat(json.at("/reads/" + kind + "/errors").asInt()).as(kind).isZero();
            assertThat(json.at("/reads/" + kind + "/count").asInt()).as(kind).isEqualTo(300);
        }
        assertThat(json.at("/diskMiB/indexTopic").asDouble()).isPositive();
        assertThat(json.at("/absorbSeconds").asDouble()).as("the running API held the fill").isNotNegative();
        assertThat(json.at("/cold/failure").isMissingNode()).as("a new instance read the fill: " + bench.output())
                .isTrue();
    }

    private static long heapMaxBytes(int port) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).build();
        String metrics = HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        return metrics.lines().filter(line -> line.startsWith("sluice_jvm_heap_max_bytes{"))
                .map(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no heap gauge on port " + port));
    }

    /**
     * Contract user 2 on a stack that has seen no request: every subject of the catalogue is in the
     * registry, BACKWARD, as a producer in another language fetches it ({@code GET
     * /subjects/<topic>-value/versions/latest}); a producer that only looks schemas up (registers
     * nothing) publishes an upload, and it finishes and reads back equal.
     */
    private static void uploadDirectlyWithTheRegisteredSchemasBeforeAnyTraffic(String token) throws Exception {
        String registry = "http://127.0.0.1:" + PORTS.registry() + "/apis/ccompat/v7";
        for (TopicSpec<?, ?> topic : Topics.all()) {
            JsonNode latest = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(registry
                    + "/subjects/" + topic.valueSubject() + "/versions/latest")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            assertThat(latest.path("id").asInt()).as(topic.valueSubject()).isPositive();
            assertThat(new org.apache.avro.Schema.Parser().parse(latest.path("schema").asText()))
                    .as(topic.valueSubject()).isEqualTo(topic.valueSchema().orElseThrow());
            JsonNode config = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(registry
                    + "/config/" + topic.valueSubject())).build(), HttpResponse.BodyHandlers.ofString()).body());
            assertThat(config.path("compatibilityLevel").asText()).as(topic.valueSubject()).isEqualTo("BACKWARD");
        }
        byte[] file = Uploads.randomFile(3 * 65_536 + 17, 77);
        String uploadId;
        try (DirectProducer producer = new DirectProducer("127.0.0.1:" + PORTS.kafka(),
                SchemaRegistryClient.of(registry), SchemaRegistration.LOOKUP_ONLY)) {
            uploadId = producer.upload(DevToken.TENANT, "direct.bin", file, 65_536);
        }
        EventLog events = new EventLog("127.0.0.1:" + PORTS.kafka(), SchemaRegistryClient.of(registry));
        String assetId = events.await(Topics.UPLOADS_FINISHED, uploadId, found -> !found.isEmpty(),
                Duration.ofSeconds(60)).getFirst().getAssetId();
        Uploads.assertReadable(new SluiceClient("http://127.0.0.1:" + PORTS.service(ServiceId.INGEST_API), token),
                assetId, file);
    }

    private static int httpStatus(int port, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static boolean bucketExists() throws Exception {
        MinioClient minio = MinioClient.builder().endpoint("http://127.0.0.1:" + PORTS.s3()).region("us-east-1")
                .credentials(Setting.S3_ACCESS_KEY.defaultValue(), Setting.S3_SECRET_KEY.defaultValue()).build();
        return minio.bucketExists(BucketExistsArgs.builder().bucket(Setting.S3_BUCKET.defaultValue()).build());
    }

    private static Set<String> topicNames() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + PORTS.kafka()))) {
            return admin.listTopics().names().get(10, TimeUnit.SECONDS);
        }
    }

    /** The environment a component runs with (Linux: {@code /proc/<pid>/environ}). */
    private static List<String> environmentOf(String component) throws IOException {
        long pid = Long.parseLong(Files.readString(stackHome.resolve("run/" + component + ".pid")).trim().split("\\s+")[0]);
        return List.of(Files.readString(Path.of("/proc/" + pid + "/environ")).split("\0"));
    }

    private static String sha256Hex(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String lineOf(String table, String component) {
        return table.lines().filter(line -> line.startsWith(component + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no line for " + component + " in:\n" + table));
    }

    private static List<ProcessHandle> recordedProcesses() throws IOException {
        List<ProcessHandle> handles = new ArrayList<>();
        try (Stream<Path> files = Files.list(stackHome.resolve("run"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                long pid = Long.parseLong(Files.readString(file).trim().split("\\s+")[0]);
                ProcessHandle.of(pid).ifPresent(handles::add);
            }
        }
        return handles;
    }

    private static List<Integer> allPorts() {
        List<Integer> ports = new ArrayList<>(List.of(PORTS.kafka(), PORTS.kafkaController(), PORTS.registry(), PORTS.s3()));
        for (ServiceId id : ServiceId.values()) ports.add(PORTS.service(id));
        return ports;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) return;
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
        }
    }
}
