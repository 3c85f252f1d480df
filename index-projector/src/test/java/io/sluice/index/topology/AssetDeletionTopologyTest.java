package io.sluice.index.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetDeleted;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetStored;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadDecision;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deleting an asset: the index projector, which owns the index, decides — the entry stays as a
 * marker with {@code deletedAt}, {@code AssetDeleted} tells the blob writer to remove the object —
 * and only for the asset's own tenant; a repeat changes nothing.
 */
class AssetDeletionTopologyTest {

    private static final Instant DELETED_AT = Instant.parse("2026-12-01T12:00:00Z");

    private IndexProjectorDriver driver;

    @BeforeEach
    void start() throws Exception {
        driver = new IndexProjectorDriver();
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @Test
    void shouldMarkTheEntryDeletedAndAnnounceTheDeletionOnce() {
        AssetStored stored = indexed();
        String requestId = driver.requestDelete(stored.getUploadId(), stored.getTenant(), DELETED_AT);

        List<TestRecord<String, AssetIndexEntry>> index = driver.indexRecords();
        assertThat(index).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(stored.getAssetId());
            assertThat(record.value().getDeletedAt()).isEqualTo(DELETED_AT);
            assertThat(record.value().getSha256()).isEqualTo(stored.getSha256());
        });
        List<TestRecord<String, UploadDecision>> decisions = driver.decisionRecords();
        assertThat(decisions).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo(stored.getUploadId());
            assertThat(record.value().getPayload()).isInstanceOfSatisfying(AssetDeleted.class, deleted -> {
                assertThat(deleted.getAssetId()).isEqualTo(stored.getAssetId());
                assertThat(deleted.getObjectKey()).isEqualTo(ObjectKeys.asset(stored.getTenant(), stored.getAssetId()));
                assertThat(deleted.getCausationId()).isEqualTo(requestId);
            });
        });

        driver.requestDelete(stored.getUploadId(), stored.getTenant(), DELETED_AT.plusSeconds(5));
        assertThat(driver.indexRecords()).as("a second deletion changes nothing").isEmpty();
        assertThat(driver.decisionRecords()).isEmpty();
        assertThat(driver.store().get(stored.getAssetId()).getDeletedAt()).isEqualTo(DELETED_AT);
    }

    @Test
    void shouldSetAsideADeletionByAnotherTenantOrOfNoAsset() {
        AssetStored stored = indexed();

        driver.requestDelete(stored.getUploadId(), "globex", DELETED_AT);
        driver.requestDelete(UploadIds.newUploadId(), stored.getTenant(), DELETED_AT);

        assertThat(driver.deadLetters()).hasSize(2).allSatisfy(letter ->
                assertThat(letter.value().getReason()).isEqualTo(DeadLetterReason.INVALID_EVENT));
        assertThat(driver.indexRecords()).isEmpty();
        assertThat(driver.decisionRecords()).isEmpty();
        assertThat(driver.store().get(stored.getAssetId()).getDeletedAt()).isNull();
    }

    @Test
    void shouldNotIndexAgainAnAssetDeletedWhenItsReportIsRedelivered() {
        AssetStored stored = indexed();
        driver.requestDelete(stored.getUploadId(), stored.getTenant(), DELETED_AT);
        driver.indexRecords();

        driver.report(stored);

        assertThat(driver.indexRecords()).isEmpty();
        assertThat(driver.finishedRecords()).isEmpty();
    }

    private AssetStored indexed() {
        AssetStored stored = IndexProjectorDriver.assetStored().build();
        driver.report(stored);
        driver.indexRecords();
        driver.finishedRecords();
        return stored;
    }
}
