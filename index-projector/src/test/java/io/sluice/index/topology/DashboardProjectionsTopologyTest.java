package io.sluice.index.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetDeleted;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkRejected;
import io.sluice.events.FailureReason;
import io.sluice.events.FinishedUpload;
import io.sluice.events.TenantMinute;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadFinished;
import io.sluice.events.UploadForgotten;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStateCounts;
import io.sluice.events.UploadVerified;
import io.sluice.index.dashboards.DashboardTopology;
import io.sluice.schemas.keys.MinuteKeys;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard projections: counts by state, per-minute figures and recent uploads, from the event topics. */
class DashboardProjectionsTopologyTest {

    private static final String ACME = "acme";
    private static final Instant T0 = Instant.parse("2026-12-06T10:00:05Z");

    private final IndexProjectorDriver driver = new IndexProjectorDriver();

    DashboardProjectionsTopologyTest() throws Exception {}

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void aKnownRunShowsExactlyItsFinishedFailedAndBytes() {
        long bytes = 0;
        for (int i = 0; i < 3; i++) bytes += upload(ACME, 1_000 + i, T0.plusSeconds(i)).finish();
        for (int i = 0; i < 2; i++) bytes += upload(ACME, 500, T0.plusSeconds(10 + i)).failChecksum();
        upload(ACME, 700, T0.plusSeconds(20)).open();

        UploadStateCounts counts = driver.stateCounts().get(ACME);
        assertThat(counts.getFinished()).isEqualTo(3);
        assertThat(counts.getFailed()).isEqualTo(2);
        assertThat(counts.getOpen()).isEqualTo(1);
        assertThat(counts.getFinishing()).isZero();
        TenantMinute minute = driver.minutes().get(MinuteKeys.key(ACME, T0.toEpochMilli()));
        assertThat(minute.getBytesReceived()).isEqualTo(bytes);
        assertThat(minute.getBytesFinished()).isEqualTo(1_000 + 1_001 + 1_002);
        assertThat(minute.getUploadsFinished()).isEqualTo(3);
        assertThat(minute.getUploadsFailed()).containsExactly(Map.entry("checksum_mismatch", 2L));
        assertThat(minute.getMinuteStart()).isEqualTo(Instant.parse("2026-12-06T10:00:00Z"));
    }

    @Test
    void aFinishedUploadIsCountedOnceWhicheverTopicArrivesFirst() {
        UploadStory story = upload(ACME, 100, T0);
        story.open();
        story.chunk(0, 100, false);
        driver.announced(story.finished());
        driver.decided(story.verified(), story.uploadId, T0.plusSeconds(1));
        driver.announced(story.finished());

        UploadStateCounts counts = driver.stateCounts().get(ACME);
        assertThat(counts.getFinished()).isEqualTo(1);
        assertThat(counts.getFinishing()).isZero();
        assertThat(counts.getOpen()).isZero();
        assertThat(driver.minutes().get(MinuteKeys.key(ACME, T0.toEpochMilli())).getUploadsFinished()).isEqualTo(1);
        assertThat(driver.recent().get(ACME).getUploads()).hasSize(1);
    }

    @Test
    void aResentChunkAddsNoBytesAndRejectionsCountByReason() {
        UploadStory story = upload(ACME, 100, T0);
        story.open();
        story.chunk(0, 100, false);
        story.chunk(0, 100, true);
        driver.decided(story.conflict(0, 100), story.uploadId, T0);

        TenantMinute minute = driver.minutes().get(MinuteKeys.key(ACME, T0.toEpochMilli()));
        assertThat(minute.getBytesReceived()).isEqualTo(100);
        assertThat(minute.getChunksRejected()).containsExactly(Map.entry("chunk_conflict", 1L));
    }

    @Test
    void decisionsAppendedAgainByAReplayCountOnce() {
        UploadStory story = upload(ACME, 100, T0);
        ChunkAccepted chunk = story.accepted(0, 100, false);
        ChunkRejected rejected = story.conflict(0, 100);
        story.open();
        driver.decided(chunk, story.uploadId, T0);
        driver.decided(rejected, story.uploadId, T0);
        driver.decided(chunk, story.uploadId, T0.plusSeconds(60)); // the replay's copy, appended later
        driver.decided(rejected, story.uploadId, T0.plusSeconds(60));

        TenantMinute minute = driver.minutes().get(MinuteKeys.key(ACME, T0.toEpochMilli()));
        assertThat(minute.getBytesReceived()).isEqualTo(100);
        assertThat(minute.getChunksRejected()).containsExactly(Map.entry("chunk_conflict", 1L));
    }

    @Test
    void aForgottenUploadLeavesTheCountsAndItsCountedState() {
        UploadStory story = upload(ACME, 100, T0);
        story.finish();
        driver.decided(UploadForgotten.newBuilder().setEventId(id()).setUploadId(story.uploadId).setTenant(ACME)
                .setTimestamp(T0.plus(Duration.ofDays(7))).setState(UploadState.FINISHED)
                .setEndedAt(T0).build(), story.uploadId, T0.plus(Duration.ofDays(7)));

        assertThat(driver.stateCounts().get(ACME).getFinished()).isZero();
        assertThat(driver.<String>dashboardStore(DashboardTopology.COUNTED_STATES_STORE).get(story.uploadId)).isNull();
    }

    @Test
    void tenantsAreCountedApart() {
        upload(ACME, 10, T0).finish();
        upload("globex", 20, T0).failChecksum();

        Map<String, UploadStateCounts> counts = driver.stateCounts();
        assertThat(counts.get(ACME).getFinished()).isEqualTo(1);
        assertThat(counts.get(ACME).getFailed()).isZero();
        assertThat(counts.get("globex").getFailed()).isEqualTo(1);
        assertThat(counts.get("globex").getFinished()).isZero();
    }

    @Test
    void recentUploadsAreNewestFirstBoundedAndLoseDeletedAssets() {
        for (int i = 0; i < 105; i++) upload(ACME, 10, T0.plusSeconds(i)).finish();
        List<FinishedUpload> recent = driver.recent().get(ACME).getUploads();
        assertThat(recent).hasSize(100);
        assertThat(recent.get(0).getFinishedAt()).isEqualTo(T0.plusSeconds(104));
        assertThat(recent.get(99).getFinishedAt()).isEqualTo(T0.plusSeconds(5));

        String newest = recent.get(0).getUploadId();
        String assetId = UploadIds.assetIdFor(newest);
        driver.decided(AssetDeleted.newBuilder().setEventId(id()).setUploadId(newest).setTenant(ACME)
                .setTimestamp(T0.plusSeconds(200)).setAssetId(assetId).setObjectKey(ObjectKeys.asset(ACME, assetId))
                .build(), newest, T0.plusSeconds(200));
        List<FinishedUpload> after = driver.recent().get(ACME).getUploads();
        assertThat(after).extracting(FinishedUpload::getUploadId).doesNotContain(newest);
        assertThat(after.get(0).getFinishedAt()).isEqualTo(T0.plusSeconds(103));
    }

    @Test
    void aMinuteReplacesTheSameMinuteOfTheDayBeforeAndAnActivityADayLateIsNotCounted() {
        upload(ACME, 100, T0).open();
        UploadStory nextDay = upload(ACME, 300, T0.plus(Duration.ofDays(1)));
        nextDay.open();
        nextDay.chunk(0, 300, false);
        String key = MinuteKeys.key(ACME, T0.toEpochMilli());
        assertThat(driver.minutes().get(key).getBytesReceived()).isEqualTo(300);

        UploadStory late = upload(ACME, 50, T0.plusSeconds(1));
        late.chunk(0, 50, false);
        assertThat(driver.minutes()).doesNotContainKey(key);
        assertThat(driver.<TenantMinute>dashboardStore(DashboardTopology.MINUTES_STORE).get(key).getBytesReceived())
                .isEqualTo(300);
    }

    private UploadStory upload(String tenant, long size, Instant at) {
        return new UploadStory(driver, tenant, UploadIds.newUploadId(), size, at);
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
