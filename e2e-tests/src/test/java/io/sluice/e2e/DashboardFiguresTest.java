package io.sluice.e2e;

import static io.sluice.e2e.Problems.assertProblem;
import static io.sluice.e2e.Uploads.create;
import static io.sluice.e2e.Uploads.finish;
import static io.sluice.e2e.Uploads.randomFile;
import static io.sluice.e2e.Uploads.sendAll;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard figures through the whole pipeline: after a known run — N uploads finished, M failed
 * on a checksum mismatch, B bytes received — {@code /v1/stats/*} and the event stream show exactly
 * N, M and B for the tenant; another tenant sees none of it; an operator sees every tenant.
 */
@OnSharedPipeline
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardFiguresTest {

    private static final String TENANT = "initech";
    private static final int CHUNK = 64 * 1024;
    private static final int FINISHED = 3;
    private static final int FAILED = 2;

    private static InProcessPipeline pipeline;
    private static SluiceClient client;
    private static long bytesReceived;
    private static long bytesFinished;
    private static final List<String> finishedNames = new ArrayList<>();

    @BeforeAll
    static void runKnownWorkload(InProcessPipeline shared) {
        pipeline = shared;
        client = shared.countedTenantClient(TENANT);
        for (int i = 0; i < FINISHED; i++) {
            byte[] file = randomFile(CHUNK + 1_000 * (i + 1), 300 + i);
            String name = "report-" + i + ".pdf";
            String uploadId = create(client, name, file, CHUNK);
            sendAll(client, uploadId, file, CHUNK);
            finish(client, uploadId, file);
            finishedNames.add(name);
            bytesReceived += file.length;
            bytesFinished += file.length;
        }
        for (int i = 0; i < FAILED; i++) {
            byte[] file = randomFile(CHUNK / 2 + i, 310 + i);
            String uploadId = create(client, "broken-" + i + ".bin", file, CHUNK);
            sendAll(client, uploadId, file, CHUNK);
            assertProblem(client.finish(uploadId, file.length, SluiceClient.sha256(new byte[1], 0, 1)), 422,
                    "checksum_mismatch");
            bytesReceived += file.length;
        }
    }

    @Test
    void theTenantsFiguresAreExactlyItsRun() {
        JsonNode uploads = awaitFigures(client, "/v1/stats/uploads",
                body -> body.path("totals").path("finished").asLong() == FINISHED
                        && body.path("totals").path("failed").asLong() == FAILED);
        assertThat(uploads.path("totals").path("open").asLong()).isZero();
        assertThat(uploads.path("totals").path("finishing").asLong()).isZero();
        assertThat(uploads.path("tenants")).singleElement()
                .satisfies(t -> assertThat(t.path("tenant").asText()).isEqualTo(TENANT));

        JsonNode throughput = awaitFigures(client, "/v1/stats/throughput?minutes=60",
                body -> body.path("totals").path("bytesReceived").asLong() == bytesReceived);
        assertThat(throughput.path("totals").path("bytesFinished").asLong()).isEqualTo(bytesFinished);
        assertThat(throughput.path("totals").path("uploadsFinished").asLong()).isEqualTo(FINISHED);
        assertThat(throughput.path("minutes")).hasSize(60);
        assertThat(StreamSupport.stream(throughput.path("minutes").spliterator(), false)
                .mapToLong(m -> m.path("bytesReceived").asLong()).sum()).isEqualTo(bytesReceived);

        JsonNode failures = client.get("/v1/stats/failures?minutes=60").json();
        assertThat(failures.path("totals").path("uploadsFailed").path("checksum_mismatch").asLong()).isEqualTo(FAILED);
        assertThat(failures.path("totals").path("uploadsFailed").size()).isEqualTo(1);

        JsonNode recent = awaitFigures(client, "/v1/stats/recent?limit=50", body -> body.path("items").size() == FINISHED);
        assertThat(recent.path("items").get(0).path("fileName").asText()).isEqualTo(finishedNames.getLast());
        assertThat(StreamSupport.stream(recent.path("items").spliterator(), false).map(i -> i.path("fileName").asText()))
                .containsExactlyInAnyOrderElementsOf(finishedNames);
        String assetId = recent.path("items").get(0).path("assetId").asText();
        assertThat(client.asset(assetId).status()).as("the recent upload links to a readable asset").isEqualTo(200);
    }

    @Test
    void anotherTenantSeesNoneOfItAndAnOperatorSeesEveryTenant() {
        awaitFigures(client, "/v1/stats/uploads", body -> body.path("totals").path("finished").asLong() == FINISHED);
        SluiceClient other = pipeline.otherTenantClient();
        byte[] file = randomFile(1_234, 330);
        String uploadId = create(other, "theirs.bin", file, CHUNK);
        sendAll(other, uploadId, file, CHUNK);
        finish(other, uploadId, file);
        JsonNode theirs = awaitFigures(other, "/v1/stats/uploads", body -> body.path("totals").path("finished").asLong() > 0);
        assertThat(theirs.path("tenants")).singleElement()
                .satisfies(t -> assertThat(t.path("tenant").asText()).isEqualTo(InProcessPipeline.OTHER_TENANT));
        assertThat(theirs.path("tenants")).noneMatch(t -> t.path("tenant").asText().equals(TENANT));
        assertThat(other.get("/v1/stats/recent").json().path("items"))
                .noneMatch(i -> i.path("tenant").asText().equals(TENANT));

        SluiceClient operator = client.withToken(pipeline.operatorToken());
        JsonNode all = operator.get("/v1/stats/uploads").json();
        JsonNode ours = StreamSupport.stream(all.path("tenants").spliterator(), false)
                .filter(t -> t.path("tenant").asText().equals(TENANT)).findFirst().orElseThrow();
        assertThat(ours.path("finished").asLong()).isEqualTo(FINISHED);
        assertThat(ours.path("failed").asLong()).isEqualTo(FAILED);
        assertThat(all.path("tenants")).as("every tenant")
                .anyMatch(t -> t.path("tenant").asText().equals(InProcessPipeline.OTHER_TENANT));
        assertThat(all.path("totals").path("finished").asLong()).isGreaterThan(FINISHED);
        JsonNode throughput = operator.get("/v1/stats/throughput").json();
        assertThat(StreamSupport.stream(throughput.path("tenants").spliterator(), false)
                .filter(t -> t.path("tenant").asText().equals(TENANT)).findFirst().orElseThrow()
                .path("bytesReceived").asLong()).isEqualTo(bytesReceived);
        assertProblem(operator.assets(10), 401, "unauthorized");
    }

    @Test
    void figureRoutesRefuseNoTokenAndOutOfRangeQueries() {
        assertProblem(client.withoutToken().get("/v1/stats/uploads"), 401, "unauthorized");
        assertProblem(client.withToken("not-a-token").get("/v1/stats/stream"), 401, "unauthorized");
        assertProblem(client.get("/v1/stats/throughput?minutes=0"), 400, "invalid_request");
        assertProblem(client.get("/v1/stats/failures?minutes=1441"), 400, "invalid_request");
        assertProblem(client.get("/v1/stats/recent?limit=101"), 400, "invalid_request");
        assertProblem(client.get("/v1/stats/throughput?minutes=2147483648"), 400, "invalid_request");
    }

    @Test
    @Order(Integer.MAX_VALUE) // its upload would change the exact figures the others check
    void theStreamSendsTheFiguresAndAgainWhenAnUploadFinishes() throws Exception {
        awaitFigures(client, "/v1/stats/uploads", body -> body.path("totals").path("finished").asLong() >= FINISHED);
        try (FigureStream stream = FigureStream.open(pipeline.baseUrl(), client.token(), "?minutes=60&limit=10")) {
            assertThat(stream.contentType()).startsWith("text/event-stream");
            JsonNode first = stream.await(e -> e.has("uploads"), Duration.ofSeconds(10), "the figures");
            long finished = first.path("uploads").path("totals").path("finished").asLong();
            assertThat(first.has("throughput") && first.has("recent") && first.has("failures")).isTrue();

            byte[] file = randomFile(2_000, 320);
            String uploadId = create(client, "live.txt", file, CHUNK);
            sendAll(client, uploadId, file, CHUNK);
            finish(client, uploadId, file);

            JsonNode after = stream.await(e -> e.path("uploads").path("totals").path("finished").asLong() == finished + 1,
                    Duration.ofSeconds(30), "one more finished upload");
            assertThat(after.path("recent").path("items").get(0).path("fileName").asText()).isEqualTo("live.txt");
        }
    }

    private static JsonNode awaitFigures(SluiceClient caller, String path, Predicate<JsonNode> until) {
        JsonNode[] last = {null};
        Await.until(Duration.ofSeconds(30), () -> {
            ApiAnswer answer = caller.get(path);
            assertThat(answer.status()).as(path).isEqualTo(200);
            last[0] = answer.json();
            return until.test(last[0]);
        }, path + " to show the run");
        return last[0];
    }
}
