package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.events.UploadFinished;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.ServiceId;
import io.sluice.session.topology.SessionProcessorTopology;
import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6, contract I1: nothing acknowledged is lost whatever crashes. Each component of the local stack
 * is its own process; here they are killed with SIGKILL (no shutdown hook, no commit) or stopped
 * while an upload is half sent, and a careful client ({@link RetryingUpload}) finishes the upload:
 * verified, readable, and announced by exactly one {@code UploadFinished}.
 *
 * <p>One stack for the class. Tests that leave it as they found it run first; the two-instance test
 * runs last, as it leaves one session-processor instance killed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashRecoveryTest {

    private static final int CHUNK_SIZE = 1 << 20;
    private static final int CHUNKS = 8;
    private static final List<Integer> FIRST_HALF = IntStream.range(0, CHUNKS / 2).boxed().toList();
    private static final List<Integer> SECOND_HALF = IntStream.range(CHUNKS / 2, CHUNKS).boxed().toList();
    /** A plain send, with everything up. */
    private static final Duration SEND = Duration.ofSeconds(30);
    /**
     * Recovery after a kill: a consumer group notices a killed member only when its session times
     * out, then rebalances; a Streams app restores its stores. Far longer on two busy cores.
     */
    private static final Duration RECOVERY = Duration.ofSeconds(150);
    /** How long the read of UploadFinished goes on past the finish, for a late duplicate to show (commits every 100 ms). */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final Duration S3_OUTAGE = Duration.ofSeconds(30);

    private static CrashStack stack;
    private static SluiceClient client;
    private static FinishedEvents finishedEvents;

    @BeforeAll
    static void startStack() throws Exception {
        stack = new CrashStack();
        stack.startFresh();
        client = stack.client();
        finishedEvents = new FinishedEvents(stack.kafkaBootstrap(), stack.registry());
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) stack.stopAll();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest-api", "session-processor", "blob-writer", "index-projector"})
    @Timeout(300)
    void shouldFinishAnUploadHalfSentWhenAServiceIsKilledAndRestarted(String service) {
        RetryingUpload upload = RetryingUpload.create(client, service + "-killed.bin",
                Uploads.randomFile(CHUNKS * CHUNK_SIZE, service.hashCode()), CHUNK_SIZE);
        upload.sendAll(FIRST_HALF, SEND);

        stack.kill(service);
        // The client goes on: the API refuses nothing while a back-end service is down (202 means
        // queued in Kafka), and gets no answer while the API itself is down.
        for (int index : List.of(4, 5)) {
            boolean acknowledged = upload.trySend(index);
            assertThat(acknowledged).as("chunk %d sent while %s is down", index, service)
                    .isEqualTo(!service.equals("ingest-api"));
        }
        stack.start(service);

        upload.sendMissing(RECOVERY);
        upload.finishAndVerify(RECOVERY);
        assertExactlyOneUploadFinished(upload);
    }

    @Test
    @Order(2)
    @Timeout(300)
    void shouldFinishAnUploadAfterTheObjectStoreWasDownForThirtySeconds() {
        RetryingUpload upload = RetryingUpload.create(client, "s3-outage.bin", Uploads.randomFile(CHUNKS * CHUNK_SIZE, 4),
                CHUNK_SIZE);
        upload.sendAll(FIRST_HALF, SEND);
        double failedAttemptsBefore = blobWriterFailedAttempts();

        stack.stop("s3");
        long outageEnd = System.nanoTime() + S3_OUTAGE.toNanos();
        sendEvenlyUntil(upload, SECOND_HALF, outageEnd);

        // While the store is down: the API acknowledged every chunk, the session processor accepted
        // them, the blob writer stored none of them and is retrying.
        JsonNode status = upload.status(SEND);
        assertThat(Uploads.indexes(status.get("received"))).as("received during the outage").containsAll(SECOND_HALF);
        assertThat(Uploads.indexes(status.get("stored"))).as("stored during the outage").doesNotContainAnyElementsOf(SECOND_HALF);
        assertThat(blobWriterFailedAttempts()).as("blob writer attempts failed during the outage")
                .isGreaterThan(failedAttemptsBefore);
        assertThat(stack.states().get("blob-writer")).as("blob writer during the outage").doesNotContain("stopped");

        stack.start("s3");

        assertThat(upload.acknowledged()).as("every chunk acknowledged").hasSize(CHUNKS);
        upload.finishAndVerify(RECOVERY);
        assertExactlyOneUploadFinished(upload);
    }

    @Test
    @Order(3)
    @Timeout(300)
    void shouldLoseNoAcknowledgedChunkWhenTheBrokerIsKilled() {
        RetryingUpload upload = RetryingUpload.create(client, "broker-killed.bin", Uploads.randomFile(CHUNKS * CHUNK_SIZE, 3),
                CHUNK_SIZE);
        upload.sendAll(FIRST_HALF, SEND);

        stack.kill("kafka");
        // A client sending while the broker is down waits for the API's bounded publish: 503, or 202
        // if the broker is back in time.
        CompletableFuture<Boolean> sentDuringOutage = CompletableFuture.supplyAsync(() -> upload.trySend(4));
        stack.start("kafka");
        sentDuringOutage.join();
        Set<Integer> acknowledged = upload.acknowledged();
        System.out.printf("acknowledged before anything is sent again: %s%n", acknowledged);

        // Before anything is sent again: every acknowledged chunk reaches the session processor.
        JsonNode status = Await.until(RECOVERY, () -> upload.status(SEND),
                candidate -> Uploads.indexes(candidate.get("received")).containsAll(acknowledged),
                "every chunk acknowledged before the broker was killed " + acknowledged + " received");
        assertThat(Uploads.indexes(status.get("received"))).containsAll(FIRST_HALF);
        assertEveryServiceSurvived();

        upload.sendMissing(RECOVERY);
        upload.finishAndVerify(RECOVERY);
        assertExactlyOneUploadFinished(upload);
    }

    /** Last: it leaves one session-processor instance killed. */
    @Test
    @Order(4)
    @Timeout(400)
    void shouldFinishOnTheOtherSessionProcessorWhenTheOwnerOfTheUploadIsKilled() throws Exception {
        stack.start(CrashStack.SECOND_SESSION_PROCESSOR);
        List<String> instances = List.of("session-processor", CrashStack.SECOND_SESSION_PROCESSOR);
        SessionProcessorGroup group = new SessionProcessorGroup(stack.kafkaBootstrap(), instances.stream()
                .collect(Collectors.toMap(name -> name, stack::stateDir)));
        Await.until(RECOVERY, group::activePartitions, CrashRecoveryTest::bothInstancesActive,
                "both session-processor instances with active tasks");

        RetryingUpload upload = RetryingUpload.create(client, "takeover.bin", Uploads.randomFile(CHUNKS * CHUNK_SIZE, 2),
                CHUNK_SIZE);
        upload.sendAll(FIRST_HALF, SEND);
        Await.until(SEND, () -> Uploads.indexes(upload.status(SEND).get("received")).containsAll(FIRST_HALF),
                "the first half received by the owner");
        Map<String, Set<Integer>> owners = group.activePartitions();
        assertThat(owners).as("active partitions before the kill").matches(CrashRecoveryTest::bothInstancesActive);
        int partition = EventLog.partitionOf(upload.uploadId());
        String owner = instances.stream().filter(name -> owners.get(name).contains(partition)).findFirst().orElseThrow();
        String survivor = instances.stream().filter(name -> !name.equals(owner)).findFirst().orElseThrow();
        System.out.printf("active partitions %s; partition %d of %s is %s's%n", owners, partition, upload.uploadId(), owner);

        for (String instance : instances) {
            assertThat(stack.environmentOf(instance)).as("environment of %s", instance)
                    .contains(Setting.STANDBY_REPLICAS.env() + "=1");
        }
        // The survivor holds a copy of the task's stores (its standby; the first instance may also
        // keep its own from before the second one started).
        assertThat(stack.stateDir(survivor).resolve(SessionProcessorTopology.APPLICATION_ID).resolve("0_" + partition))
                .as("state of task 0_%d on %s", partition, survivor).isDirectory();

        stack.kill(owner);
        upload.sendAll(SECOND_HALF, SEND);
        upload.finishAndVerify(RECOVERY);

        assertThat(group.activePartitions()).as("the group after the takeover")
                .isEqualTo(Map.of(survivor, Set.of(0, 1, 2, 3, 4, 5)));
        assertExactlyOneUploadFinished(upload);
    }

    private void assertExactlyOneUploadFinished(RetryingUpload upload) {
        System.out.printf("upload %s finished; the client's retries: %s%n", upload.uploadId(), upload.failures());
        List<UploadFinished> events = finishedEvents.of(upload.uploadId(), SETTLE);
        assertThat(events).as("UploadFinished of %s (client retries: %s)", upload.uploadId(), upload.failures())
                .hasSize(1);
        assertThat(events.getFirst().getSha256()).isEqualTo(upload.sha256());
    }

    /**
     * Sends the chunks spread evenly over the time left, each acknowledged (202); returns when the
     * time is up (a fixed outage, not a wait for a state).
     */
    private static void sendEvenlyUntil(RetryingUpload upload, List<Integer> chunks, long endNanos) {
        long start = System.nanoTime();
        long interval = (endNanos - start) / (chunks.size() + 1);
        int[] next = {0};
        Await.until(S3_OUTAGE.plusSeconds(30), () -> {
            long now = System.nanoTime();
            if (next[0] < chunks.size() && now - start >= interval * (next[0] + 1)) {
                int index = chunks.get(next[0]++);
                assertThat(upload.trySend(index)).as("chunk %d sent while the object store is down: %s", index,
                        upload.failures()).isTrue();
            }
            return now >= endNanos && next[0] == chunks.size();
        }, "the object store's outage with every chunk sent");
    }

    /** Every service still runs and is ready again: none died of the outage. */
    private static void assertEveryServiceSurvived() {
        List<String> services = List.of("ingest-api", "session-processor", "blob-writer", "index-projector");
        Map<String, String> states = Await.until(RECOVERY, () -> {
            Map<String, String> current = stack.states();
            for (String name : services) {
                // a process gone does not come back by waiting: fail at once, naming it
                if ("stopped".equals(current.get(name))) {
                    throw new AssertionError(name + " died during the broker's outage; see " + stack.log(name));
                }
            }
            return current;
        }, current -> services.stream().allMatch(name -> "ready".equals(current.get(name))),
                "every service ready after the broker's restart");
        assertThat(states).as("services after the broker's restart").containsAllEntriesOf(
                services.stream().collect(Collectors.toMap(name -> name, name -> "ready")));
    }

    private static double blobWriterFailedAttempts() {
        return stack.metric(ServiceId.BLOB_WRITER, "sluice_blob_chunk_attempts_failed_total");
    }

    /** Both instances are members, each with active tasks, and every partition has an owner. */
    private static boolean bothInstancesActive(Map<String, Set<Integer>> owned) {
        Set<Integer> union = new HashSet<>();
        owned.values().forEach(union::addAll);
        return owned.keySet().equals(Set.of("session-processor", CrashStack.SECOND_SESSION_PROCESSOR))
                && owned.values().stream().noneMatch(Set::isEmpty) && union.equals(Set.of(0, 1, 2, 3, 4, 5));
    }
}
