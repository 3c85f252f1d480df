package io.sluice.blob.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRef;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadRequest;
import io.sluice.events.UploadVerified;
import io.sluice.blob.chunks.ChunkVerification;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.S3Server;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import io.minio.GetObjectArgs;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * contract I7 for the blob writer: the service as its own process at {@code -Xmx256m} (or
 * {@code -Dsluice.measure.heap}) stores and assembles six 128 MiB uploads in 16 MiB chunks, one on
 * each partition (all partitions busy with the largest chunks: the blob writer's worst case), and
 * one 300 MiB upload in 1 MiB chunks (streaming copy), and every asset reads back byte-identical. Reports
 * the heap after each collection (from the process's GC log) and the peak heap its /metrics showed.
 * A measurement, kept out of the default run by its name; needs {@code target/classpath.txt}:
 * {@code ./mvnw -B -o -pl blob-writer package -DskipTests} then
 * {@code ./mvnw -B -o -pl blob-writer test -Dtest=BlobWriterHeapMeasurement}.
 */
@RealServers
class BlobWriterHeapMeasurement {

    private static final int MIB = 1024 * 1024;
    private static final String BUCKET = "sluice-heap";
    private static final Pattern HEAP_AFTER_GC = Pattern.compile("->(\\d+)M\\(\\d+M\\)");
    /** The child's -Xmx; -Dsluice.measure.heap=128m tries a smaller one. */
    private static final String HEAP = System.getProperty("sluice.measure.heap", "256m");

    @Test
    void measureHeapOfABlobWriterProcessAt256MiB(KafkaServer kafka, SchemaRegistryServer registryServer, S3Server s3)
            throws Exception {
        for (TopicSpec<?, ?> topic : List.of(Topics.UPLOAD_REQUESTS, Topics.UPLOAD_DECISIONS, Topics.BLOB_EVENTS,
                Topics.DEAD_LETTERS)) {
            kafka.createTopic(topic.name(), topic.partitions(), topic.config());
        }
        Path build = TestDirectories.buildDirectory();
        Path gcLog = build.resolve("blob-writer-heap-gc.log");
        int httpPort = freePort();
        Process process = startBlobWriter(build, gcLog, httpPort, kafka, registryServer, s3);
        AtomicLong peakHeap = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> sampleHeap(httpPort, peakHeap));
        SchemaRegistry registry = SchemaRegistryClient.of(registryServer.url());
        try (KafkaProducer<String, UploadRequest> requests = new KafkaProducer<>(producerProperties(kafka),
                new StringSerializer(), Topics.UPLOAD_REQUESTS.valueSerde(registry).serializer());
                KafkaProducer<String, UploadDecision> decisions = new KafkaProducer<>(producerProperties(kafka),
                        new StringSerializer(), Topics.UPLOAD_DECISIONS.valueSerde(registry).serializer());
                TopicLog<String, BlobEvent> blobEvents = new TopicLog<>(kafka.bootstrapServers(),
                        Topics.BLOB_EVENTS.name(), Topics.BLOB_EVENTS.partitions(),
                        Topics.BLOB_EVENTS.keySerde(registry).deserializer(),
                        Topics.BLOB_EVENTS.valueSerde(registry).deserializer())) {
            Await.until(Duration.ofSeconds(60), () -> ready(httpPort), "the blob writer process to be ready");
            long started = System.nanoTime();
            List<UploadVerified> uploads = new ArrayList<>();
            for (int partition = 0; partition < Topics.UPLOAD_PARTITIONS; partition++) {
                uploads.add(upload(requests, TestUploads.uploadIdOnPartition(partition), 128 * MIB, 16 * MIB, partition));
            }
            uploads.add(upload(requests, UploadIds.newUploadId(), 300 * MIB, MIB, 9));
            requests.flush();
            for (UploadVerified verified : uploads) {
                awaitCount(blobEvents, verified.getUploadId(), false, verified.getChunks().size());
                decisions.send(new ProducerRecord<>(Topics.UPLOAD_DECISIONS.name(), verified.getUploadId(),
                        new UploadDecision(verified))).get();
            }
            for (UploadVerified verified : uploads) {
                awaitCount(blobEvents, verified.getUploadId(), true, 1);
                assertThat(sha256Of(s3, ObjectKeys.asset("acme", verified.getAssetId()))).isEqualTo(verified.getSha256());
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(process.isAlive()).as("the blob writer process is alive (no OutOfMemoryError)").isTrue();
            String report = String.format(Locale.ROOT, "blob-writer at -Xmx%s, 1,068 MiB in 7 uploads (6 x 128 MiB "
                    + "in 16 MiB chunks, one per partition; 1 x 300 MiB in 1 MiB chunks): done in %.1f s; %d collections, %d of them full; "
                    + "heap after a full collection at most %d MiB (after any, %d MiB); peak heap seen on /metrics %d MiB%n",
                    HEAP, seconds, collections(gcLog, "Pause"), collections(gcLog, "Pause Full"),
                    maxHeapAfterGc(gcLog, "Pause Full"), maxHeapAfterGc(gcLog, "Pause"), peakHeap.get() / MIB);
            System.out.print(report);
            Files.writeString(build.resolve("blob-writer-heap.txt"), report);
        } finally {
            sampler.interrupt();
            process.destroy();
            process.waitFor();
        }
    }

    private static Process startBlobWriter(Path build, Path gcLog, int httpPort, KafkaServer kafka,
            SchemaRegistryServer registry, S3Server s3) throws Exception {
        String classpath = build.resolve("classes") + java.io.File.pathSeparator
                + Files.readString(build.resolve("classpath.txt")).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-XX:+UseSerialGC", "-Xlog:gc:file=" + gcLog,
                "-XX:+HeapDumpOnOutOfMemoryError", "-XX:HeapDumpPath=" + build));
        if (Runtime.version().feature() >= 24) {
            command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"));
        }
        command.addAll(List.of("-cp", classpath, "io.sluice.blob.BlobWriterMain"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(build.resolve("blob-writer-heap-process.log").toFile());
        Map<String, String> env = builder.environment();
        env.put("SLUICE_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SLUICE_SCHEMA_REGISTRY_URL", registry.url());
        env.put("SLUICE_S3_ENDPOINT", s3.endpoint());
        env.put("SLUICE_S3_REGION", s3.region());
        env.put("SLUICE_S3_ACCESS_KEY", s3.accessKey());
        env.put("SLUICE_S3_SECRET_KEY", s3.secretKey());
        env.put("SLUICE_S3_BUCKET", BUCKET);
        env.put("SLUICE_HTTP_HOST", "127.0.0.1");
        env.put("SLUICE_HTTP_PORT", Integer.toString(httpPort));
        return builder.start();
    }

    /** Publishes the chunks of a random file and returns the decision the session processor would make. */
    private static UploadVerified upload(KafkaProducer<String, UploadRequest> requests, String uploadId, int size,
            int chunkSize, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        List<ChunkRef> chunks = new ArrayList<>();
        for (int index = 0; (long) index * chunkSize < size; index++) {
            byte[] bytes = new byte[Math.min(chunkSize, size - index * chunkSize)];
            for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) random.nextInt();
            whole.update(bytes);
            String sha = ChunkVerification.sha256Hex(bytes);
            requests.send(new ProducerRecord<>(Topics.UPLOAD_REQUESTS.name(), uploadId, new UploadRequest(
                    ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                            .setTenant("acme").setTimestamp(Instant.now()).setIndex(index).setLength(bytes.length)
                            .setSha256(sha).setBytes(ByteBuffer.wrap(bytes)).build())));
            chunks.add(new ChunkRef(index, bytes.length, sha, ObjectKeys.chunk(uploadId, index, sha)));
        }
        return UploadVerified.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant("acme").setTimestamp(Instant.now()).setAssetId(UploadIds.assetIdFor(uploadId))
                .setFileName("big.bin").setContentType("application/octet-stream").setSize(size)
                .setSha256(HexFormat.of().formatHex(whole.digest())).setChunks(chunks).build();
    }

    private static void awaitCount(TopicLog<String, BlobEvent> log, String uploadId, boolean asset, int count) {
        log.await(record -> record.key().equals(uploadId)
                        && (record.value().getPayload() instanceof AssetStored) == asset, count,
                count + (asset ? " AssetStored" : " ChunkStored") + " of " + uploadId, Duration.ofMinutes(3));
    }

    private static String sha256Of(S3Server s3, String key) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(
                s3.client().getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build()), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static boolean ready(int port) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    private static void sampleHeap(int port, AtomicLong peak) {
        HttpClient http = HttpClient.newHttpClient();
        Pattern used = Pattern.compile("sluice_jvm_heap_used_bytes\\{[^}]*} ([0-9.E]+)");
        while (!Thread.currentThread().isInterrupted()) {
            try {
                String metrics = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                Matcher matcher = used.matcher(metrics);
                if (matcher.find()) peak.accumulateAndGet((long) Double.parseDouble(matcher.group(1)), Math::max);
                Thread.sleep(100); // a sampling interval, not a wait for a condition
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // not up yet, or gone: keep sampling until interrupted
            }
        }
    }

    private static long collections(Path gcLog, String kind) throws Exception {
        return Files.readAllLines(gcLog).stream().filter(line -> line.contains(kind)).count();
    }

    private static long maxHeapAfterGc(Path gcLog, String kind) throws Exception {
        long max = 0;
        for (String line : Files.readAllLines(gcLog)) {
            if (!line.contains(kind)) continue;
            Matcher matcher = HEAP_AFTER_GC.matcher(line);
            if (matcher.find()) max = Math.max(max, Long.parseLong(matcher.group(1)));
        }
        return max;
    }

    private static Properties producerProperties(KafkaServer kafka) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Topics.PRODUCER_MAX_REQUEST_BYTES);
        properties.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * MIB);
        return properties;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
