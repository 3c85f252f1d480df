package io.sluice.index.topology;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkStored;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Indexes each stored asset once: on the first {@code AssetStored} of an asset it records the entry,
 * forwards it to the index topic and then forwards {@code UploadFinished}; a redelivered or replayed
 * {@code AssetStored} for an asset already indexed forwards nothing, so there is never a second
 * {@code UploadFinished}. The first report wins: it is the one the index and the finish announce.
 *
 * <p>The store is keyed by asset id while the input is keyed by upload id; an asset id derives from
 * its upload id, so every report of one asset reaches the same task and the same store.
 */
final class AssetIndexer implements Processor<String, BlobEvent, String, Object> {

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AssetIndexEntry> indexed;

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.indexed = context.getStateStore(IndexProjectorTopology.ASSET_INDEX_STORE);
    }

    @Override
    public void process(Record<String, BlobEvent> record) {
        if (record.value() == null) return; // a tombstone carries no report
        switch (record.value().getPayload()) {
            case AssetStored stored -> index(record, stored);
            case ChunkStored chunk -> { /* chunk reports are the session processor's business */ }
            default -> throw new IllegalArgumentException("unexpected blob event " + record.value().getPayload().getClass());
        }
    }

    private void index(Record<String, BlobEvent> record, AssetStored stored) {
        if (indexed.get(stored.getAssetId()) != null) return;
        AssetIndexEntry entry = IndexRecords.entry(stored);
        indexed.put(entry.getAssetId(), entry);
        context.forward(record.withKey(entry.getAssetId()).withValue(entry), IndexProjectorTopology.ASSET_INDEX_SINK);
        context.forward(record.withKey(stored.getUploadId()).withValue(IndexRecords.finished(stored, entry)),
                IndexProjectorTopology.UPLOADS_FINISHED_SINK);
    }
}
