package io.sluice.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.ChunkReceived;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.registry.InMemorySchemaRegistry;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldGiveEveryTopicAPrefixedUniqueName() {
        List<String> names = Topics.all().stream().map(TopicSpec::name).toList();
        assertThat(names).allMatch(n -> n.startsWith("sluice.")).doesNotHaveDuplicates();
        assertThat(names).containsExactly("sluice.upload-requests", "sluice.upload-decisions",
                "sluice.upload-status", "sluice.upload-chunks", "sluice.blob-events", "sluice.uploads-finished",
                "sluice.asset-requests", "sluice.asset-index", "sluice.dashboard-upload-states", "sluice.dashboard-minutes",
                "sluice.dashboard-recent", "sluice.dead-letters");
    }

    @Test
    void shouldCoPartitionUploadKeyedTopicsWithStringKeys() {
        Stream.of(Topics.UPLOAD_REQUESTS, Topics.UPLOAD_DECISIONS, Topics.UPLOAD_STATUS, Topics.BLOB_EVENTS,
                        Topics.UPLOADS_FINISHED, Topics.ASSET_REQUESTS)
                .forEach(topic -> {
                    assertThat(topic.partitions()).as(topic.name()).isEqualTo(Topics.UPLOAD_PARTITIONS);
                    assertThat(topic.keyType()).as(topic.name()).isEqualTo(String.class);
                });
    }

    @Test
    void shouldCompactTheProjectionsButNotTheEventLogs() {
        Set<TopicSpec<?, ?>> projections = Set.of(Topics.ASSET_INDEX, Topics.UPLOAD_STATUS, Topics.UPLOAD_CHUNKS,
                Topics.DASHBOARD_UPLOAD_STATES, Topics.DASHBOARD_MINUTES, Topics.DASHBOARD_RECENT);
        projections.forEach(t ->
                assertThat(t.config()).as(t.name())
                        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        Topics.all().stream().filter(t -> !projections.contains(t)).forEach(t ->
                assertThat(t.config()).as(t.name())
                        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE));
    }

    @Test
    void shouldFitALargestChunkEventInTheRequestTopicWithRoomToSpare() {
        ChunkReceived chunk = ChunkReceived.newBuilder()
                .setEventId("x".repeat(36)).setUploadId("u".repeat(36)).setTenant("t".repeat(200))
                .setTimestamp(Instant.now()).setIndex(Integer.MAX_VALUE).setLength(Topics.MAX_CHUNK_BYTES)
                .setSha256("s".repeat(64)).setBytes(ByteBuffer.allocate(Topics.MAX_CHUNK_BYTES)).build();
        Serde<UploadRequest> serde = Topics.UPLOAD_REQUESTS.valueSerde(new InMemorySchemaRegistry());

        int recordBytes = serde.serializer().serialize("t", new UploadRequest(chunk)).length;

        int maxMessageBytes =
                Integer.parseInt(Topics.UPLOAD_REQUESTS.config().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
        assertThat(maxMessageBytes).isEqualTo(Topics.MAX_EVENT_BYTES);
        // the rest of the headroom is for the key, headers and the record-batch overhead
        assertThat(maxMessageBytes - recordBytes).isGreaterThan(32 * 1024);
    }

    @Test
    void shouldLetTheDeadLetterTopicHoldAWholeRecordOfTheLargestTopicAndMore() {
        int deadLetterBytes =
                Integer.parseInt(Topics.DEAD_LETTERS.config().get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG));
        int largestTopic = Topics.all().stream().filter(t -> t != Topics.DEAD_LETTERS)
                .map(t -> t.config().getOrDefault(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, "0"))
                .mapToInt(Integer::parseInt).max().orElseThrow();
        assertThat(deadLetterBytes).isGreaterThanOrEqualTo(largestTopic + Topics.RECORD_HEADROOM_BYTES);
        assertThat(Topics.PRODUCER_MAX_REQUEST_BYTES).isGreaterThanOrEqualTo(deadLetterBytes);
    }

    @Test
    void shouldMakeEveryTopicValueAvroWithAValueSubject() {
        Topics.all().forEach(t -> {
            assertThat(t.valueSchema()).as(t.name()).isPresent();
            assertThat(t.valueSubject()).isEqualTo(t.name() + "-value");
        });
    }

    @Test
    void shouldCarryPartitionsAndConfigInNewTopicRequests() {
        NewTopic topic = Topics.ASSET_INDEX.newTopic((short) 3);
        assertThat(topic.name()).isEqualTo("sluice.asset-index");
        assertThat(topic.numPartitions()).isEqualTo(Topics.UPLOAD_PARTITIONS);
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.configs()).isEqualTo(Topics.ASSET_INDEX.config());
    }

    @Test
    void shouldFindTopicsByName() {
        assertThat(Topics.byName("sluice.blob-events")).contains(Topics.BLOB_EVENTS);
        assertThat(Topics.byName("nope")).isEmpty();
    }
}
