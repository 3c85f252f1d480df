package io.sluice.projections;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.Await;
import io.sluice.testkit.KafkaServer;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import io.sluice.testkit.TestDirectories;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The upload status view on the real broker and registry. */
@RealServers
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadStatusViewIntegrationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private KafkaServer kafka;
    private SluiceConfig config;
    private SchemaRegistry registry;
    private TransactionalWriter writer;
    private UploadStatusView view;

    @BeforeAll
    void start(KafkaServer kafka, SchemaRegistryServer registryServer) {
        this.kafka = kafka;
        kafka.createTopic(Topics.UPLOAD_STATUS.name(), Topics.UPLOAD_STATUS.partitions(), Topics.UPLOAD_STATUS.config());
        config = SluiceConfig.of(Map.of(Setting.KAFKA_BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                Setting.SCHEMA_REGISTRY_URL, registryServer.url()));
        registry = SchemaRegistryClient.of(registryServer.url());
        writer = new TransactionalWriter(kafka, registry);
        view = UploadStatusView.start(config, registry, TestDirectories.newDirectory("view"));
    }

    @AfterAll
    void stop() {
        view.close();
        writer.close();
    }

    @Test
    void shouldServeTheLatestCommittedStatusOfAnUpload() throws Exception {
        String uploadId = UploadIds.newUploadId();
        writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.OPEN, 0));
        UploadStatus latest = Samples.status(uploadId, UploadState.OPEN, 300);
        writer.commit(Topics.UPLOAD_STATUS, uploadId, latest);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        assertThat(view.get(uploadId)).contains(latest);
        assertThat(view.get(UploadIds.newUploadId())).isEmpty();
    }

    @Test
    void shouldShowEveryTransactionalRecordCommittedBeforeAwaitCaughtUpReturnedTrue() throws Exception {
        for (int i = 0; i < 25; i++) {
            String uploadId = UploadIds.newUploadId();
            UploadStatus status = Samples.status(uploadId, UploadState.OPEN, i);
            writer.commit(Topics.UPLOAD_STATUS, uploadId, status);

            assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

            assertThat(view.get(uploadId)).as("round %d", i).contains(status);
        }
    }

    @Test
    void shouldShowEveryPlainRecordAcknowledgedBeforeAwaitCaughtUpReturnedTrue() throws Exception {
        Serializer<UploadStatus> serializer = Topics.UPLOAD_STATUS.valueSerde(registry).serializer();
        try (KafkaProducer<String, UploadStatus> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), serializer)) {
            for (int i = 0; i < 10; i++) {
                String uploadId = UploadIds.newUploadId();
                UploadStatus status = Samples.status(uploadId, UploadState.OPEN, i);
                producer.send(new ProducerRecord<>(Topics.UPLOAD_STATUS.name(), uploadId, status)).get(30, TimeUnit.SECONDS);

                assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

                assertThat(view.get(uploadId)).as("round %d", i).contains(status);
            }
        }
    }

    @Test
    void shouldNeverShowARecordOfAnAbortedTransaction() throws Exception {
        String uploadId = UploadIds.newUploadId();
        writer.abort(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.FINISHED, 1000));
        String laterUploadId = UploadIds.newUploadId();
        writer.commit(Topics.UPLOAD_STATUS, laterUploadId, Samples.status(laterUploadId, UploadState.OPEN, 0));

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        assertThat(view.get(laterUploadId)).isPresent();
        assertThat(view.get(uploadId)).isEmpty();
    }

    @Test
    void shouldReturnFromAwaitWhenTheStatusSatisfiesTheCondition() throws Exception {
        String uploadId = UploadIds.newUploadId();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Optional<UploadStatus>> finished = executor.submit(() ->
                    view.await(uploadId, status -> status.getState() == UploadState.FINISHED, TIMEOUT));

            writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.OPEN, 0));
            writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.FINISHING, 1000));
            writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.FINISHED, 1000));

            assertThat(finished.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                    .hasValueSatisfying(status -> assertThat(status.getState()).isEqualTo(UploadState.FINISHED));
        }
    }

    @Test
    void shouldReturnTheLatestStatusSeenWhenAwaitTimesOut() throws Exception {
        String uploadId = UploadIds.newUploadId();
        UploadStatus open = Samples.status(uploadId, UploadState.OPEN, 0);
        writer.commit(Topics.UPLOAD_STATUS, uploadId, open);
        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        Optional<UploadStatus> seen = view.await(uploadId, status -> status.getState() == UploadState.FINISHED,
                Duration.ofMillis(200));

        assertThat(seen).contains(open);
        assertThat(view.await(UploadIds.newUploadId(), status -> true, Duration.ofMillis(50))).isEmpty();
    }

    @Test
    void shouldForgetAnUploadOnATombstone() throws Exception {
        String uploadId = UploadIds.newUploadId();
        writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.OPEN, 0));
        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(view.get(uploadId)).isPresent();

        writer.commit(Topics.UPLOAD_STATUS, uploadId, null);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();
        assertThat(view.get(uploadId)).isEmpty();
    }

    @Test
    void shouldBeReadyOnlyOnceItHoldsWhatTheTopicHeldWhenItStarted() {
        String uploadId = UploadIds.newUploadId();
        UploadStatus status = Samples.status(uploadId, UploadState.FINISHED, 1000);
        writer.commit(Topics.UPLOAD_STATUS, uploadId, status);

        try (UploadStatusView fresh = UploadStatusView.start(config, registry, TestDirectories.newDirectory("view"))) {
            Await.until(TIMEOUT, () -> fresh.readiness().isReady(), "the fresh view to be ready");

            assertThat(fresh.get(uploadId)).contains(status);
        }
    }

    @Test
    void shouldResumeFromItsDatabaseWithoutRereadingWhatItHolds() throws Exception {
        Path directory = TestDirectories.newDirectory("view");
        String kept = UploadIds.newUploadId();
        UploadStatus keptStatus = Samples.status(kept, UploadState.OPEN, 0);
        String removed = UploadIds.newUploadId();
        try (UploadStatusView first = UploadStatusView.start(config, registry, directory)) {
            for (int i = 0; i < 50; i++) {
                String uploadId = UploadIds.newUploadId();
                writer.commit(Topics.UPLOAD_STATUS, uploadId, Samples.status(uploadId, UploadState.OPEN, i));
            }
            writer.commit(Topics.UPLOAD_STATUS, kept, keptStatus);
            writer.commit(Topics.UPLOAD_STATUS, removed, Samples.status(removed, UploadState.OPEN, 0));
            assertThat(first.awaitCaughtUp(TIMEOUT)).isTrue();
            assertThat(first.recordsApplied()).isGreaterThanOrEqualTo(52);
        }
        writer.commit(Topics.UPLOAD_STATUS, removed, null);
        String added = UploadIds.newUploadId();
        UploadStatus addedStatus = Samples.status(added, UploadState.FINISHED, 1000);
        writer.commit(Topics.UPLOAD_STATUS, added, addedStatus);

        try (UploadStatusView second = UploadStatusView.start(config, registry, directory)) {
            Await.until(TIMEOUT, () -> second.readiness().isReady(), "the reopened view to be ready");

            assertThat(second.get(kept)).contains(keptStatus);
            assertThat(second.get(added)).contains(addedStatus);
            assertThat(second.get(removed)).isEmpty();
            assertThat(second.recordsApplied()).as("records read again after the restart").isEqualTo(2);
        }
    }

    @Test
    void shouldPassOverAnUndecodableRecordAndApplyTheNextOne() throws Exception {
        String poisoned = UploadIds.newUploadId();
        writer.commitRaw(Topics.UPLOAD_STATUS.name(), poisoned, new byte[] {7, 1, 2, 3, 4, 5});
        String uploadId = UploadIds.newUploadId();
        UploadStatus status = Samples.status(uploadId, UploadState.OPEN, 0);
        writer.commit(Topics.UPLOAD_STATUS, uploadId, status);

        assertThat(view.awaitCaughtUp(TIMEOUT)).isTrue();

        assertThat(view.get(uploadId)).contains(status);
        assertThat(view.get(poisoned)).isEmpty();
        assertThat(view.skippedRecords()).isPositive();
    }

    @Test
    void shouldAnswerAwaitCaughtUpWithFalseOnceClosed() throws Exception {
        UploadStatusView closed = UploadStatusView.start(config, registry, TestDirectories.newDirectory("view"));
        closed.close();

        assertThat(closed.awaitCaughtUp(TIMEOUT)).isFalse();
        assertThat(closed.readiness().isReady()).isFalse();
    }
}
