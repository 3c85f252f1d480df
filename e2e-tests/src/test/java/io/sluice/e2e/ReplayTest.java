package io.sluice.e2e;

import static io.sluice.e2e.Uploads.assertReadable;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.indexes;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static io.sluice.e2e.Uploads.sendChunk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.events.ExpiryRequested;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadRequest;
import io.sluice.index.topology.IndexProjectorSettings;
import io.sluice.index.topology.IndexProjectorTopology;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.config.UploadLimitSettings;
import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.session.admin.SessionStoreRoute;
import io.sluice.session.topology.SessionProcessorSettings;
import io.sluice.session.topology.SessionProcessorTopology;
import io.sluice.stack.PortPlan;
import io.sluice.stack.replay.ReplayTarget;
import io.sluice.testkit.Await;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * contract I5 and the README's "Recovery" section, on the local stack: a mixed workload (finished,
 * failed, aborted, expired and still-open uploads), a snapshot of the session processor's stores
 * and of the index and the dashboard figures, the section's commands run verbatim, and the same
 * stores, index and figures afterwards, rebuilt by reprocessing; then the open uploads finish.
 */
class ReplayTest {

    private static final int PORT_OFFSET = 22000;
    private static final PortPlan PORTS = PortPlan.withOffset(PORT_OFFSET);
    private static final Duration COMMAND_DEADLINE = Duration.ofSeconds(90);
    private static final int CHUNK = 64 * 1024;
    /**
     * A JVM started with this reads a 5 s upload time-to-live: the ingest API stamps it on the
     * uploads it opens, and the session processor looks for idle uploads every second (its check
     * interval is a tenth of its own setting, at least 1 s) — also while it replays.
     */
    private static final Map<String, String> SHORT_TTL = Map.of("JAVA_TOOL_OPTIONS",
            "-D" + Setting.UPLOAD_TTL.property() + "=PT5S");
    private static final String INDEX_CHANGELOG = IndexProjectorTopology.APPLICATION_ID + "-"
            + IndexProjectorTopology.ASSET_INDEX_STORE + "-changelog";
    private static final List<String> CHANGELOGS = List.of(INDEX_CHANGELOG,
            SessionProcessorTopology.APPLICATION_ID + "-" + SessionProcessorTopology.SESSIONS_STORE + "-changelog",
            SessionProcessorTopology.APPLICATION_ID + "-" + SessionProcessorTopology.PARKED_CHUNKS_STORE + "-changelog");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static Path root;
    private static OperatorShell shell;

    /** The stores, the index and the dashboard figures as a replay must rebuild them. */
    private record Snapshot(JsonNode sessionStores, Map<String, String> indexStore, Map<String, String> assetIndex,
            Map<String, String> uploadStates, Map<String, String> minutes, Map<String, String> recent) {}

    @BeforeAll
    static void freshStackHome() throws IOException {
        root = Path.of(System.getProperty("sluice.project.root"));
        Path stackHome = root.resolve("e2e-tests/target/replay-stack");
        shell = new OperatorShell(root, stackHome, PORT_OFFSET);
        shell.run(COMMAND_DEADLINE, Map.of(), "./sluice down"); // a stack left by an aborted earlier run
        if (Files.exists(stackHome)) {
            try (Stream<Path> paths = Files.walk(stackHome)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(path);
            }
        }
    }

    @AfterAll
    static void stopStack() {
        if (shell != null) shell.run(COMMAND_DEADLINE, Map.of(), "./sluice down");
    }

    @Test
    void shouldResetTheApplicationIdsAndEveryInputTheTopologiesUse() {
        var registry = new InMemorySchemaRegistry();
        Topology sessions = SessionProcessorTopology.buildTopology(
                new SessionProcessorSettings(UploadLimitSettings.from(SluiceConfig.of(Map.of())), Duration.ofSeconds(1), Duration.ofDays(7), Set.of()), registry);
        Topology index = IndexProjectorTopology.buildTopology(new IndexProjectorSettings(), registry);
        assertStreamsApp(ReplayTarget.of(ServiceId.SESSION_PROCESSOR), SessionProcessorTopology.APPLICATION_ID, sessions);
        assertStreamsApp(ReplayTarget.of(ServiceId.INDEX_PROJECTOR), IndexProjectorTopology.APPLICATION_ID, index);
    }

    @Test
    @Timeout(300)
    void shouldRebuildTheSameSessionsAndIndexWhenTheRecoverySectionIsFollowed() throws Exception {
        assertSucceeded(shell.run(COMMAND_DEADLINE, SHORT_TTL, "./sluice up --detach"));
        SluiceClient client = new SluiceClient("http://127.0.0.1:" + PORTS.service(ServiceId.INGEST_API),
                Files.readString(root.resolve("e2e-tests/target/replay-stack/dev-token")).trim());
        SchemaRegistry registry = SchemaRegistryClient.of("http://127.0.0.1:" + PORTS.registry() + "/apis/ccompat/v7");
        EventLog events = new EventLog("127.0.0.1:" + PORTS.kafka(), registry);
        TopicContents topics = new TopicContents("127.0.0.1:" + PORTS.kafka());

        // Uploads opened with a 5 s time-to-live: the session processor, replaying them with a 1 s
        // expiry check, sees each idle half-way through its history.
        String expired = create(client, "expired.bin", randomFile(3 * CHUNK, 1), CHUNK);
        sendChunk(client, expired, randomFile(3 * CHUNK, 1), CHUNK, 0);
        byte[] quickFile = randomFile(3 * CHUNK - 100, 2);
        String quick = create(client, "quick.bin", quickFile, CHUNK);
        sendAll(client, quick, quickFile, CHUNK);
        String quickAsset = finish(client, quick, quickFile);
        String quickFailed = failedByChecksum(client, randomFile(2 * CHUNK, 3));
        String quickAborted = abortedAfterOneChunk(client, randomFile(2 * CHUNK, 4));
        Uploads.awaitStatus(client, expired, s -> s.get("state").asText().equals("expired"), "expired");
        List<ExpiryRequested> recordedExpiries = expiryRequests(events, expired);
        assertThat(recordedExpiries).as("the punctuator's recorded decision").isNotEmpty();

        // The rest with the default time-to-live (24 h), so that the open uploads stay open.
        assertSucceeded(shell.run(COMMAND_DEADLINE, Map.of(), "./sluice restart ingest-api"));
        byte[] parkedFile = randomFile(4 * CHUNK, 5);
        String parked = create(client, "parked.bin", parkedFile, CHUNK);
        for (int index : new int[] {3, 1, 0, 2}) sendChunk(client, parked, parkedFile, CHUNK, index);
        String parkedAsset = finish(client, parked, parkedFile);
        assertThat(client.deleteAsset(quickAsset).status()).as("a deleted asset, which the replay must delete again")
                .isEqualTo(204);
        String wrongSize = create(client, "wrong-size.bin", randomFile(2 * CHUNK, 6), CHUNK);
        sendAll(client, wrongSize, randomFile(2 * CHUNK, 6), CHUNK);
        assertThat(client.finish(wrongSize, 2 * CHUNK + 1, SluiceClient.sha256(randomFile(2 * CHUNK, 6), 0, 2 * CHUNK))
                .text("code")).isEqualTo("size_mismatch");
        String aborted = abortedAfterOneChunk(client, randomFile(2 * CHUNK, 7));
        byte[] openFile = randomFile(4 * CHUNK - 10, 8);
        String open = create(client, "open.bin", openFile, CHUNK);
        sendChunk(client, open, openFile, CHUNK, 0);
        sendChunk(client, open, openFile, CHUNK, 1);
        byte[] openParkedFile = randomFile(4 * CHUNK, 9);
        String openParked = create(client, "open-parked.bin", openParkedFile, CHUNK);
        sendChunk(client, openParked, openParkedFile, CHUNK, 2);
        awaitReceivedAndStored(client, open, List.of(0, 1));
        awaitReceivedAndStored(client, openParked, List.of(2));
        assertThat(Instant.parse(client.status(open).text("expiresAt"))).isAfter(Instant.now().plus(Duration.ofHours(1)));

        Map<String, String> expectedStates = Map.of(expired, "EXPIRED", quick, "FINISHED", quickFailed, "FAILED",
                quickAborted, "ABORTED", parked, "FINISHED", wrongSize, "FAILED", aborted, "ABORTED", open, "OPEN",
                openParked, "OPEN");
        Snapshot before = Await.until(Duration.ofSeconds(30), () -> snapshot(topics),
                s -> states(s).equals(expectedStates) && s.indexStore().size() == 2
                        && dashboardCounts(client).equals(expectedCounts()), "every upload in its final state");
        assertThat(before.uploadStates()).as("one tenant's counts").hasSize(1);
        assertThat(before.recent()).hasSize(1);
        assertThat(before.minutes()).isNotEmpty();
        assertThat(before.sessionStores().get("parkedChunks").size()).as("the open upload's parked chunk").isEqualTo(1);
        long decisionsBefore = topics.all(Topics.UPLOAD_DECISIONS.name()).size();
        Map<String, String> changelogIdsBefore = topics.topicIds(CHANGELOGS);

        List<String> commands = RecoverySection.commands(root.resolve("README.md"));
        assertThat(commands).contains("./sluice replay session-processor", "./sluice replay index-projector");
        for (String command : commands) {
            OperatorShell.Result result = shell.run(COMMAND_DEADLINE, SHORT_TTL, command);
            assertSucceeded(result);
            if (command.startsWith("./sluice replay") && !command.endsWith("ingest-api")) {
                assertThat(result.output()).contains("deleted ", "replayed ", "caught up: ");
            }
        }

        // Rebuilt by reprocessing: the local state and the changelogs were deleted, and every decision made again.
        assertThat(topics.topicIds(CHANGELOGS)).allSatisfy((topic, id) -> assertThat(id).as(topic)
                .isNotEqualTo(changelogIdsBefore.get(topic)));
        assertThat(topics.all(Topics.UPLOAD_DECISIONS.name()).size()).isGreaterThanOrEqualTo(2 * (int) decisionsBefore);
        Snapshot after = Await.until(Duration.ofSeconds(30), () -> snapshot(topics), before::equals,
                "the stores and the index as before the replay:\n" + before);
        assertThat(after).isEqualTo(before);
        assertThat(dashboardCounts(client)).as("the figures the API serves after the replay").isEqualTo(expectedCounts());

        // Expired again by the recorded ExpiryRequested, not by a decision of the replay.
        Set<String> recordedIds = recordedExpiries.stream().map(ExpiryRequested::getEventId).collect(Collectors.toSet());
        List<UploadExpired> expiredDecisions = events.await(Topics.UPLOAD_DECISIONS, expired,
                list -> expiredDecisions(list).size() >= 2, Duration.ofSeconds(30)).stream()
                .map(UploadDecision::getPayload).filter(UploadExpired.class::isInstance).map(UploadExpired.class::cast).toList();
        assertThat(expiredDecisions).hasSize(2).allSatisfy(e -> assertThat(recordedIds).contains(e.getCausationId()));
        assertThat(expiredDecisions.get(1).getEventId()).isEqualTo(expiredDecisions.get(0).getEventId());

        // Informational: whether the punctuator, seeing these 5 s uploads idle half-way through their
        // history during this replay, appended expiry requests (ignored, as the equal stores show).
        var requests = Topics.UPLOAD_REQUESTS.valueSerde(registry).deserializer();
        List<TopicContents.Raw> allRequests = topics.all(Topics.UPLOAD_REQUESTS.name());
        for (String uploadId : List.of(expired, quick, quickFailed, quickAborted)) {
            long expiries = allRequests.stream().filter(r -> r.key().equals(hex(uploadId)))
                    .map(r -> requests.deserialize(Topics.UPLOAD_REQUESTS.name(), HexFormat.of().parseHex(r.value())))
                    .filter(r -> r.getPayload() instanceof ExpiryRequested).count();
            System.out.printf("%s: %d ExpiryRequested after the replay (%d before)%n", uploadId, expiries,
                    uploadId.equals(expired) ? recordedExpiries.size() : 0);
        }

        // The index projector announced each finish again: the same event, byte for byte.
        Map<String, List<String>> finishedByUpload = topics.all(Topics.UPLOADS_FINISHED.name()).stream().collect(
                Collectors.groupingBy(TopicContents.Raw::key, Collectors.mapping(TopicContents.Raw::value, Collectors.toList())));
        assertThat(finishedByUpload.keySet()).containsExactlyInAnyOrder(hex(quick), hex(parked));
        assertThat(finishedByUpload.values()).allSatisfy(values ->
                assertThat(values).hasSize(2).containsOnly(values.getFirst()));

        // The open uploads go on where they were.
        for (int index : new int[] {2, 3}) sendChunk(client, open, openFile, CHUNK, index);
        assertReadable(client, finish(client, open, openFile), openFile);
        for (int index : new int[] {0, 1, 3}) sendChunk(client, openParked, openParkedFile, CHUNK, index);
        assertReadable(client, finish(client, openParked, openParkedFile), openParkedFile);
        assertThat(client.asset(quickAsset).status()).as("still deleted after the replay").isEqualTo(404);
        assertReadable(client, parkedAsset, parkedFile);
    }

    private static void assertStreamsApp(ReplayTarget target, String applicationId, Topology topology) {
        Set<String> sources = new HashSet<>();
        for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
            for (TopologyDescription.Node node : sub.nodes()) {
                if (node instanceof TopologyDescription.Source source) sources.addAll(source.topicSet());
            }
        }
        // The app's own repartition topics are internal: the reset tool finds and deletes those itself.
        assertThat(sources).filteredOn(topic -> Topics.byName(topic).isEmpty()).allMatch(t -> t.endsWith("-repartition"));
        sources.removeIf(topic -> Topics.byName(topic).isEmpty());
        assertThat(target).isInstanceOfSatisfying(ReplayTarget.StreamsApp.class, app -> {
            assertThat(app.applicationId()).isEqualTo(applicationId);
            assertThat(app.inputTopics()).containsExactlyInAnyOrderElementsOf(sources);
        });
    }

    private static String failedByChecksum(SluiceClient client, byte[] file) {
        String uploadId = create(client, "failed.bin", file, CHUNK);
        sendAll(client, uploadId, file, CHUNK);
        assertThat(client.finish(uploadId, file.length, "0".repeat(64)).text("code")).isEqualTo("checksum_mismatch");
        return uploadId;
    }

    private static String abortedAfterOneChunk(SluiceClient client, byte[] file) {
        String uploadId = create(client, "aborted.bin", file, CHUNK);
        sendChunk(client, uploadId, file, CHUNK, 0);
        assertThat(client.abort(uploadId).status()).isEqualTo(204);
        return uploadId;
    }

    private static void awaitReceivedAndStored(SluiceClient client, String uploadId, List<Integer> chunks) {
        Uploads.awaitStatus(client, uploadId, s -> indexes(s.get("received")).equals(chunks)
                && indexes(s.get("stored")).equals(chunks), "chunks " + chunks + " received and stored");
    }

    private static List<ExpiryRequested> expiryRequests(EventLog events, String uploadId) {
        return events.await(Topics.UPLOAD_REQUESTS, uploadId, list -> list.stream()
                        .anyMatch(r -> r.getPayload() instanceof ExpiryRequested), Duration.ofSeconds(10)).stream()
                .map(UploadRequest::getPayload).filter(ExpiryRequested.class::isInstance).map(ExpiryRequested.class::cast)
                .toList();
    }

    private static List<Object> expiredDecisions(List<UploadDecision> decisions) {
        return decisions.stream().map(UploadDecision::getPayload).filter(UploadExpired.class::isInstance).toList();
    }

    private static Snapshot snapshot(TopicContents topics) throws Exception {
        HttpResponse<String> stores = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + PORTS.service(ServiceId.SESSION_PROCESSOR) + SessionStoreRoute.PATH))
                .header("Authorization", "Bearer " + Files.readString(
                        root.resolve("e2e-tests/target/replay-stack/operator-token")).trim()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (stores.statusCode() != 200) throw new IllegalStateException("stores: " + stores.statusCode() + " " + stores.body());
        return new Snapshot(JSON.readTree(stores.body()), topics.latest(INDEX_CHANGELOG),
                topics.latest(Topics.ASSET_INDEX.name()), topics.latest(Topics.DASHBOARD_UPLOAD_STATES.name()),
                topics.latest(Topics.DASHBOARD_MINUTES.name()), topics.latest(Topics.DASHBOARD_RECENT.name()));
    }

    /** What the dashboard must count of the workload: 2 finished, 2 failed, 2 aborted, 1 expired, 2 open. */
    private static Map<String, Long> expectedCounts() {
        return Map.of("open", 2L, "finishing", 0L, "finished", 2L, "failed", 2L, "aborted", 2L, "expired", 1L);
    }

    private static Map<String, Long> dashboardCounts(SluiceClient client) {
        JsonNode totals = client.get("/v1/stats/uploads").json().path("totals");
        return expectedCounts().keySet().stream().collect(Collectors.toMap(state -> state, state -> totals.path(state).asLong()));
    }

    private static Map<String, String> states(Snapshot snapshot) {
        JsonNode sessions = snapshot.sessionStores().get("sessions");
        return sessions.propertyStream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("state").asText()));
    }

    private static String hex(String key) {
        return HexFormat.of().formatHex(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void assertSucceeded(OperatorShell.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
