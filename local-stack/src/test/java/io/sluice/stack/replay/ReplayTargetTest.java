package io.sluice.stack.replay;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.service.ServiceId;
import io.sluice.schemas.topics.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReplayTargetTest {

    private static final TopicPartition P0 = new TopicPartition("t", 0);
    private static final TopicPartition P1 = new TopicPartition("t", 1);

    @Test
    void shouldReplayTheStreamsAppsFromEveryTopicTheyRead() {
        assertThat(ReplayTarget.of(ServiceId.SESSION_PROCESSOR)).isEqualTo(new ReplayTarget.StreamsApp(
                "sluice-session-processor", List.of(Topics.UPLOAD_REQUESTS.name(), Topics.BLOB_EVENTS.name(),
                        Topics.UPLOADS_FINISHED.name())));
        assertThat(ReplayTarget.of(ServiceId.INDEX_PROJECTOR)).isEqualTo(new ReplayTarget.StreamsApp(
                "sluice-index-projector", List.of(Topics.BLOB_EVENTS.name(), Topics.ASSET_REQUESTS.name(),
                        Topics.UPLOAD_DECISIONS.name(), Topics.UPLOADS_FINISHED.name())));
    }

    @Test
    void shouldRebuildTheIngestApisViewsAndRefuseTheBlobWriterSayingWhy() {
        assertThat(ReplayTarget.of(ServiceId.INGEST_API)).isInstanceOf(ReplayTarget.RebuildViews.class)
                .extracting(t -> ((ReplayTarget.RebuildViews) t).why()).asString().contains("deletes them");
        assertThat(ReplayTarget.of(ServiceId.BLOB_WRITER)).isInstanceOf(ReplayTarget.Refused.class)
                .extracting(t -> ((ReplayTarget.Refused) t).why()).asString()
                .contains("./sluice restart blob-writer");
    }

    @Test
    void shouldResetInputsToTheEarliestOffsetAndForceOutTheStoppedMembers() {
        ReplayTarget.StreamsApp app = new ReplayTarget.StreamsApp("app", List.of("a", "b"));
        assertThat(StreamsReset.arguments("127.0.0.1:9092", app)).containsExactly("--bootstrap-server", "127.0.0.1:9092",
                "--application-id", "app", "--input-topics", "a,b", "--to-earliest", "--force");
    }

    @Test
    void shouldCountReplayedRecordsFromTheEarliestOffsetUpToTheEndAtTheStart() {
        InputOffsets inputs = new InputOffsets(Map.of(P0, 10L, P1, 0L), Map.of(P0, 30L, P1, 5L));
        assertThat(inputs.total()).isEqualTo(25);
        assertThat(inputs.consumed(Map.of())).isZero();
        assertThat(inputs.consumed(Map.of(P0, 20L))).isEqualTo(10);
        assertThat(inputs.consumed(Map.of(P0, 99L, P1, 5L))).as("records appended since are not replay").isEqualTo(25);
        assertThat(inputs.reached(Map.of(P0, 30L))).isFalse();
        assertThat(inputs.reached(Map.of(P0, 30L, P1, 5L))).isTrue();
    }

    @Test
    void shouldCountAnEmptyPartitionAsReachedWithoutACommit() {
        InputOffsets inputs = new InputOffsets(Map.of(P0, 4L, P1, 0L), Map.of(P0, 4L, P1, 2L));
        assertThat(inputs.reached(Map.of(P1, 2L))).isTrue();
    }

    @Test
    void shouldSummariseRecordsBytesAndRates() {
        assertThat(ReplayProgress.summary(2000, 100L * 1024 * 1024, Duration.ofSeconds(9), Duration.ofSeconds(4)))
                .isEqualTo("  caught up: 2,000 records (100.0 MiB) in 9.0 s after the start, 4.0 s after ready:"
                        + " 500 records/s, 25.0 MiB/s");
    }
}
