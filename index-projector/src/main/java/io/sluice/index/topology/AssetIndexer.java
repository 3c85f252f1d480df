package io.sluice.index.topology;

import io.sluice.events.AssetDeleteRequested;
import io.sluice.events.AssetIndexEntry;
import io.sluice.events.AssetRequest;
import io.sluice.events.AssetStored;
import io.sluice.events.BlobEvent;
import io.sluice.events.ChunkStored;
import io.sluice.events.DeadLetterReason;
import io.sluice.events.UploadDecision;
import io.sluice.schemas.deadletters.ProcessorDeadLetters;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Indexes each stored asset once, and deletes it when its tenant asks.
 *
 * <p>On the first {@code AssetStored} of an asset it records the entry, forwards it to the index
 * topic and then forwards {@code UploadFinished}; a redelivered or replayed {@code AssetStored} for
 * an asset already indexed forwards nothing, so there is never a second {@code UploadFinished}. The
 * first report wins: it is the one the index and the finish announce.
 *
 * <p>On {@code AssetDeleteRequested} for an asset of the requesting tenant it marks the entry
 * deleted (kept as a marker, so a second request is recognised and changes nothing) and forwards
 * {@code AssetDeleted} to the decision topic, where the blob writer removes the object. A request
 * naming an asset the tenant does not have is set aside on the dead-letter topic.
 *
 * <p>The store is keyed by asset id while the inputs are keyed by upload id; an asset id derives from
 * its upload id, so every record of one asset reaches the same task and the same store.
 */
final class AssetIndexer implements Processor<String, Object, String, Object> {

    private final ProcessorDeadLetters<AssetRequest> deadLetters;
    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, AssetIndexEntry> indexed;

    AssetIndexer(ProcessorDeadLetters<AssetRequest> deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.indexed = context.getStateStore(IndexProjectorTopology.ASSET_INDEX_STORE);
    }

    @Override
    public void process(Record<String, Object> record) {
        switch (record.value()) {
            case null -> { /* a tombstone carries nothing */ }
            case BlobEvent blobEvent -> {
                switch (blobEvent.getPayload()) {
                    case AssetStored stored -> index(record, stored);
                    case ChunkStored chunk -> { /* chunk reports are the session processor's business */ }
                    default -> throw new IllegalArgumentException("unexpected blob event " + blobEvent.getPayload().getClass());
                }
            }
            case AssetRequest request -> {
                switch (request.getPayload()) {
                    case AssetDeleteRequested delete -> delete(record, request, delete);
                    default -> throw new IllegalArgumentException("unexpected asset request " + request.getPayload().getClass());
                }
            }
            default -> throw new IllegalArgumentException("unexpected input " + record.value().getClass());
        }
    }

    private void index(Record<String, Object> record, AssetStored stored) {
        if (indexed.get(stored.getAssetId()) != null) return;
        AssetIndexEntry entry = IndexRecords.entry(stored);
        indexed.put(entry.getAssetId(), entry);
        context.forward(record.withKey(entry.getAssetId()).withValue(entry), IndexProjectorTopology.ASSET_INDEX_SINK);
        context.forward(record.withKey(stored.getUploadId()).withValue(IndexRecords.finished(stored, entry)),
                IndexProjectorTopology.UPLOADS_FINISHED_SINK);
    }

    private void delete(Record<String, Object> record, AssetRequest request, AssetDeleteRequested delete) {
        AssetIndexEntry entry = indexed.get(delete.getAssetId());
        if (entry == null || !entry.getTenant().equals(delete.getTenant())
                || !entry.getUploadId().equals(delete.getUploadId())) {
            deadLetters.setAside(context, record, request, DeadLetterReason.INVALID_EVENT,
                    "tenant " + delete.getTenant() + " has no asset " + delete.getAssetId() + " from upload "
                            + delete.getUploadId());
            return;
        }
        if (entry.getDeletedAt() != null) return; // deleted already: the first deletion stands
        AssetIndexEntry marker = IndexRecords.deleted(entry, delete);
        indexed.put(marker.getAssetId(), marker);
        context.forward(record.withKey(marker.getAssetId()).withValue(marker), IndexProjectorTopology.ASSET_INDEX_SINK);
        context.forward(record.withKey(delete.getUploadId()).withValue(new UploadDecision(IndexRecords.assetDeleted(entry,
                delete))), IndexProjectorTopology.DECISIONS_SINK);
    }
}
