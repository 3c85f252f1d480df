package io.sluice.index.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetStored;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.UploadFinished;
import io.sluice.schemas.keys.UploadIds;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IndexProjectorTopologyTest {

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
    void shouldWriteTheIndexEntryOfAStoredAsset() {
        String original = UploadIds.assetIdFor(UploadIds.newUploadId());
        AssetStored stored = IndexProjectorDriver.assetStored()
                .setDerivativeOf(new DerivativeLink(original, DerivativeRole.THUMBNAIL)).build();

        driver.report(stored);

        List<TestRecord<String, AssetIndexEntry>> index = driver.indexRecords();
        assertThat(index).hasSize(1);
        assertThat(index.getFirst().key()).isEqualTo(stored.getAssetId());
        AssetIndexEntry entry = index.getFirst().value();
        assertThat(entry.getAssetId()).isEqualTo(stored.getAssetId());
        assertThat(entry.getTenant()).isEqualTo(stored.getTenant());
        assertThat(entry.getUploadId()).isEqualTo(stored.getUploadId());
        assertThat(entry.getFileName()).isEqualTo("photo.jpg");
        assertThat(entry.getContentType()).isEqualTo("image/jpeg");
        assertThat(entry.getSize()).isEqualTo(stored.getSize());
        assertThat(entry.getSha256()).isEqualTo(stored.getSha256());
        assertThat(entry.getObjectKey()).isEqualTo(stored.getObjectKey());
        assertThat(entry.getCreatedAt()).isEqualTo(stored.getTimestamp());
        assertThat(entry.getDerivativeOf()).isEqualTo(stored.getDerivativeOf());
        assertThat(entry.getMetadata()).isEqualTo(stored.getMetadata());
        assertThat(driver.store().get(stored.getAssetId())).isEqualTo(entry);
    }

    @Test
    void shouldAnnounceTheUploadFinishedWithTheFieldsOfItsEntry() {
        AssetStored stored = IndexProjectorDriver.assetStored()
                .setDerivativeOf(new DerivativeLink(UploadIds.assetIdFor(UploadIds.newUploadId()), DerivativeRole.DISPLAY))
                .build();

        driver.report(stored);

        List<TestRecord<String, UploadFinished>> finished = driver.finishedRecords();
        assertThat(finished).hasSize(1);
        assertThat(finished.getFirst().key()).isEqualTo(stored.getUploadId());
        UploadFinished event = finished.getFirst().value();
        assertThat(event.getEventId()).isEqualTo(IndexRecords.finishedEventId(stored.getEventId()))
                .isNotEqualTo(stored.getEventId());
        assertThat(UUID.fromString(event.getEventId()).version()).isEqualTo(3); // name-based
        assertThat(event.getCausationId()).isEqualTo(stored.getEventId());
        assertThat(event.getUploadId()).isEqualTo(stored.getUploadId());
        assertThat(event.getTenant()).isEqualTo(stored.getTenant());
        assertThat(event.getTimestamp()).isEqualTo(stored.getTimestamp());
        assertThat(event.getCreatedAt()).isEqualTo(stored.getTimestamp());
        assertThat(event.getAssetId()).isEqualTo(stored.getAssetId());
        assertThat(event.getFileName()).isEqualTo(stored.getFileName());
        assertThat(event.getContentType()).isEqualTo(stored.getContentType());
        assertThat(event.getSize()).isEqualTo(stored.getSize());
        assertThat(event.getSha256()).isEqualTo(stored.getSha256());
        assertThat(event.getObjectKey()).isEqualTo(stored.getObjectKey());
        assertThat(event.getDerivativeOf()).isEqualTo(stored.getDerivativeOf());
    }

    @Test
    void shouldEmitNothingForARedeliveredAssetStored() {
        AssetStored stored = IndexProjectorDriver.assetStored().build();
        driver.report(stored);
        driver.indexRecords();
        driver.finishedRecords();

        driver.report(stored);
        // the blob writer assembling the same upload again after a restart reports with a new id and time
        driver.report(AssetStored.newBuilder(stored).setEventId(UUID.randomUUID().toString())
                .setTimestamp(stored.getTimestamp().plusSeconds(60)).build());

        assertThat(driver.indexRecords()).isEmpty();
        assertThat(driver.finishedRecords()).isEmpty();
        assertThat(driver.store().get(stored.getAssetId()).getCreatedAt()).isEqualTo(stored.getTimestamp());
    }

    @Test
    void shouldIgnoreStoredChunks() {
        String uploadId = UploadIds.newUploadId();

        driver.reportChunk(uploadId, 0);
        driver.reportChunk(uploadId, 1);

        assertThat(driver.indexRecords()).isEmpty();
        assertThat(driver.finishedRecords()).isEmpty();
        assertThat(driver.store().approximateNumEntries()).isZero();
    }

    @Test
    void shouldIndexEachAssetOnceAmongOthers() {
        AssetStored first = IndexProjectorDriver.assetStored().build();
        AssetStored second = IndexProjectorDriver.assetStored().build();

        driver.report(first);
        driver.reportChunk(second.getUploadId(), 0);
        driver.report(second);
        driver.report(first);

        assertThat(driver.indexRecords()).extracting(TestRecord::key)
                .containsExactly(first.getAssetId(), second.getAssetId());
        assertThat(driver.finishedRecords()).extracting(TestRecord::key)
                .containsExactly(first.getUploadId(), second.getUploadId());
    }

    @Test
    void shouldWriteTheSameRecordsWhenTheEventsAreReplayedIntoFreshState() throws Exception {
        List<AssetStored> events = List.of(IndexProjectorDriver.assetStored().build(),
                IndexProjectorDriver.assetStored().build());
        events.forEach(driver::report);
        List<AssetIndexEntry> index = driver.indexRecords().stream().map(TestRecord::value).toList();
        List<UploadFinished> finished = driver.finishedRecords().stream().map(TestRecord::value).toList();

        try (IndexProjectorDriver replay = new IndexProjectorDriver()) {
            events.forEach(replay::report);

            assertThat(replay.indexRecords()).extracting(TestRecord::value).isEqualTo(index);
            assertThat(replay.finishedRecords()).extracting(TestRecord::value).isEqualTo(finished);
        }
    }
}
