package io.sluice.blob;

import io.sluice.blob.assembly.AssemblyResult;
import io.sluice.runtime.http.Metrics;
import java.util.concurrent.atomic.LongAdder;

/** What the blob writer has done since it started, served as gauges on {@code /metrics}. */
public final class BlobWriterCounters {

    private final LongAdder chunksWritten = new LongAdder();
    private final LongAdder chunksAlreadyStored = new LongAdder();
    private final LongAdder chunkBytesWritten = new LongAdder();
    private final LongAdder chunksSkipped = new LongAdder();
    private final LongAdder assetsComposed = new LongAdder();
    private final LongAdder assetsStreamed = new LongAdder();
    private final LongAdder assetsAlreadyStored = new LongAdder();
    private final LongAdder assetBytesAssembled = new LongAdder();
    private final LongAdder chunkObjectsDeleted = new LongAdder();
    private final LongAdder assetsDeleted = new LongAdder();

    /** @param written false when the object was there already (a redelivered chunk) */
    public void chunkStored(long bytes, boolean written) {
        if (written) {
            chunksWritten.increment();
            chunkBytesWritten.add(bytes);
        } else {
            chunksAlreadyStored.increment();
        }
    }

    public void chunkSkipped() {
        chunksSkipped.increment();
    }

    public void assetAssembled(AssemblyResult result, long bytes) {
        switch (result) {
            case COMPOSED -> assetsComposed.increment();
            case STREAMED -> assetsStreamed.increment();
            case ALREADY_STORED -> assetsAlreadyStored.increment();
        }
        if (result != AssemblyResult.ALREADY_STORED) assetBytesAssembled.add(bytes);
    }

    public void chunkObjectsDeleted(int count) {
        chunkObjectsDeleted.add(count);
    }

    public void assetDeleted() {
        assetsDeleted.increment();
    }

    public long assetsDeleted() {
        return assetsDeleted.sum();
    }

    public long chunksWritten() {
        return chunksWritten.sum();
    }

    public long chunksAlreadyStored() {
        return chunksAlreadyStored.sum();
    }

    public long chunksSkipped() {
        return chunksSkipped.sum();
    }

    public long assetsComposed() {
        return assetsComposed.sum();
    }

    public long assetsStreamed() {
        return assetsStreamed.sum();
    }

    public long assetsAlreadyStored() {
        return assetsAlreadyStored.sum();
    }

    void register(Metrics metrics) {
        metrics.gauge("blob_chunks_stored_total", "Chunk objects written.", chunksWritten::sum)
                .gauge("blob_chunks_already_stored_total", "Chunks whose object existed already (redeliveries).",
                        chunksAlreadyStored::sum)
                .gauge("blob_chunk_bytes_stored_total", "Bytes of chunk objects written.", chunkBytesWritten::sum)
                .gauge("blob_chunks_skipped_total", "Chunks not stored: bytes not matching their length or sha256.",
                        chunksSkipped::sum)
                .gauge("blob_assets_assembled_total", "Asset objects assembled, by either strategy.",
                        () -> assetsComposed.sum() + assetsStreamed.sum())
                .gauge("blob_assets_composed_total", "Asset objects assembled by server-side compose.",
                        assetsComposed::sum)
                .gauge("blob_assets_streamed_total", "Asset objects assembled by a streaming copy.",
                        assetsStreamed::sum)
                .gauge("blob_assets_already_stored_total", "Verified uploads whose asset object existed already.",
                        assetsAlreadyStored::sum)
                .gauge("blob_asset_bytes_assembled_total", "Bytes of asset objects assembled.",
                        assetBytesAssembled::sum)
                .gauge("blob_chunk_objects_deleted_total",
                        "Chunk objects deleted after assembly, abort, failure, expiry or forgetting.", chunkObjectsDeleted::sum)
                .gauge("blob_assets_deleted_total", "Asset objects removed because their asset was deleted.",
                        assetsDeleted::sum);
    }
}
