package io.sluice.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkReceived;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadRequest;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceJvmFlags;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.KeysOnPartition;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Contract I7 for the session processor: as its own process, with the heap and collector it runs
 * with everywhere ({@code -Xmx256m}, {@link ServiceJvmFlags}), it works through a backlog of the
 * largest chunks on every partition at once — what it meets when it starts again after clients
 * went on uploading while it was down — and decides every one. Each request record can carry a
 * 16 MiB chunk: the consumer's fetch answers and Streams' per-partition buffers are what must stay
 * bounded (StreamsSettings); with Kafka's default fetch sizes this backlog does not fit.
 * {@code -XX:+ExitOnOutOfMemoryError} makes any OutOfMemoryError end the process, rather than
 * leave a JVM whose Streams client has shut down. The heap after each full collection (the live set)
 * is written to {@code target/session-processor-heap.txt}.
 */
@RealServers
class SessionProcessorHeapIntegrationTest {

    private static final int MIB = 1024 * 1024;
    private static final int CHUNK = 16 * MIB;
    private static final int UPLOADS_PER_PARTITION = 2;
    private static final int CHUNKS_PER_UPLOAD = 2;
    private static final String TENANT = "acme";
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern HEAP_AFTER_FULL_GC = Pattern.compile("Pause Full.*->(\\d+)M\\(\\d+M\\)");

    @Test
    void shouldDecideABacklogOfTheLargestChunksOnEveryPartitionWithinItsHeap(KafkaServer kafka,
            SchemaRegistryServer registryServer) throws Exception {
        Topics.all().forEach(topic -> kafka.createTopic(topic.name(), topic.partitions(), topic.config()));
        SchemaRegistry registry = SchemaRegistryClient.of(registryServer.url());
        Set<String> expected = publishBacklog(kafka, registry);
        Path dir = TestDirectories.newDirectory("session-processor-heap");
        Path gcLog = dir.resolve("gc.log");
        Path output = dir.resolve("process.log");

        Process process = start(kafka, registryServer, dir, gcLog, output);
        try {
            Set<String> decided = awaitChunksAccepted(kafka, registry, expected, process, output);

            assertThat(decided).containsAll(expected);
            assertThat(process.isAlive()).as("the session processor is alive (no OutOfMemoryError)").isTrue();
            String report = String.format(Locale.ROOT, "session-processor at -Xmx256m, a backlog of %d chunks of "
                    + "16 MiB (%d per partition): all decided; %d full collections, heap after one at most %d MiB%n",
                    expected.size(), expected.size() / Topics.UPLOAD_PARTITIONS,
                    fullCollections(gcLog).size(), fullCollections(gcLog).stream().max(Integer::compare).orElse(0));
            System.out.print(report);
            Files.writeString(Path.of("target", "session-processor-heap.txt"), report);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /** Openings and chunks of uploads on every partition; the chunks to be decided, as "uploadId/index". */
    private static Set<String> publishBacklog(KafkaServer kafka, SchemaRegistry registry) throws Exception {
        byte[] chunk = new byte[CHUNK];
        new Random(7).nextBytes(chunk);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(chunk));
        Set<String> expected = new HashSet<>();
        try (KafkaProducer<String, UploadRequest> requests = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES),
                new StringSerializer(), Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer())) {
            for (int partition = 0; partition < Topics.UPLOAD_PARTITIONS; partition++) {
                for (int upload = 0; upload < UPLOADS_PER_PARTITION; upload++) {
                    String uploadId = KeysOnPartition.keyOn(partition, Topics.UPLOAD_PARTITIONS, UploadIds::newUploadId);
                    send(requests, uploadId, opened(uploadId));
                    for (int index = 0; index < CHUNKS_PER_UPLOAD; index++) {
                        send(requests, uploadId, ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString())
                                .setUploadId(uploadId).setTenant(TENANT).setTimestamp(Instant.now()).setIndex(index)
                                .setLength(CHUNK).setSha256(sha256).setBytes(ByteBuffer.wrap(chunk)).build());
                        expected.add(uploadId + "/" + index);
                    }
                }
            }
            requests.flush();
        }
        return expected;
    }

    private static void send(KafkaProducer<String, UploadRequest> requests, String uploadId, Object payload)
            throws Exception {
        requests.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), uploadId, new UploadRequest(payload))).get();
    }

    private static UploadOpened opened(String uploadId) {
        Instant now = Instant.now();
        return UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(now).setFileName("big.bin").setContentType("application/octet-stream")
                .setSize((long) CHUNK * CHUNKS_PER_UPLOAD).setChunkSize(CHUNK).setChunkCount(CHUNKS_PER_UPLOAD)
                .setMetadata(Map.of()).setIdleTtlMillis(Duration.ofHours(1).toMillis())
                .setExpiresAt(now.plus(Duration.ofHours(1))).build();
    }

    private static Process start(KafkaServer kafka, SchemaRegistryServer registry, Path dir, Path gcLog, Path output)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog));
        command.addAll(ServiceJvmFlags.ALL);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), SessionProcessorMain.class.getName()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        Map<String, String> env = builder.environment();
        env.put(Setting.KAFKA_BOOTSTRAP_SERVERS.env(), kafka.bootstrapServers());
        env.put(Setting.SCHEMA_REGISTRY_URL.env(), registry.url());
        env.put(Setting.SCHEMA_AUTO_REGISTER.env(), "true");
        env.put(Setting.STATE_DIR.env(), dir.resolve("state").toString());
        env.put(Setting.AUTH_TOKENS.env(), TENANT + "=sha256:" + "ab".repeat(32));
        env.put(Setting.HTTP_HOST.env(), "127.0.0.1");
        env.put(Setting.HTTP_PORT.env(), Integer.toString(freePort()));
        return builder.start();
    }

    /** The chunks decided ChunkAccepted, read until every expected one is; fails as soon as the process ends. */
    private static Set<String> awaitChunksAccepted(KafkaServer kafka, SchemaRegistry registry, Set<String> expected,
            Process process, Path output) {
        Set<String> decided = new HashSet<>();
        try (KafkaConsumer<String, UploadDecision> decisions = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "heap-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), Topics.UPLOAD_DECISIONS.valueSerde(registry).deserializer())) {
            decisions.subscribe(List.of(Topics.UPLOAD_DECISIONS.name()));
            Await.until(TIMEOUT, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the session processor ended (exit " + process.exitValue() + "):\n"
                            + tail(output));
                }
                decisions.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().getPayload() instanceof ChunkAccepted accepted) {
                        decided.add(accepted.getUploadId() + "/" + accepted.getIndex());
                    }
                });
                return decided.containsAll(expected);
            }, "every chunk of the backlog to be accepted");
        }
        return decided;
    }

    private static List<Integer> fullCollections(Path gcLog) throws IOException {
        List<Integer> heapAfter = new ArrayList<>();
        for (String line : Files.readAllLines(gcLog)) {
            Matcher matcher = HEAP_AFTER_FULL_GC.matcher(line);
            if (matcher.find()) heapAfter.add(Integer.parseInt(matcher.group(1)));
        }
        return heapAfter;
    }

    private static String tail(Path output) throws IOException {
        List<String> lines = Files.readAllLines(output);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
