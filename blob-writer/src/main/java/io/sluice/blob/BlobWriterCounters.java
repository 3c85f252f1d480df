package io.sluice.blob;

import io.micrometer.core.instrument.Timer;
import io.sluice.blob.assembly.AssemblyResult;
import io.sluice.runtime.http.Metrics;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the blob writer has done since it started, served on {@code /metrics}: counters, and the
 * latency of each chunk PUT and each asset assembly (by how it was assembled).
 */
public final class BlobWriterCounters {

    private final LongAdder chunksWritten = new LongAdder();
    private final LongAdder chunksAlreadyStored = new LongAdder();
    private final LongAdder chunkBytesWritten = new LongAdder();
    private final LongAdder chunksSkipped = new LongAdder();
    private final LongAdder assetsComposed = new LongAdder();
    private final LongAdder assetsCompletedInPlace = new LongAdder();
    private final LongAdder assetsStreamed = new LongAdder();
    private final LongAdder assetsAlreadyStored = new LongAdder();
    private final LongAdder assetBytesAssembled = new LongAdder();
    private final LongAdder chunkObjectsDeleted = new LongAdder();
    private final LongAdder assetsDeleted = new LongAdder();
    private final Timer chunkPuts;
    private final Map<AssemblyResult, Timer> assemblies = new EnumMap<>(AssemblyResult.class);

    public BlobWriterCounters(Metrics metrics) {
        register(metrics);
        this.chunkPuts = metrics.timer("blob_chunk_put", "Chunk object writes (PUT if absent), from request to answer.");
        for (AssemblyResult result : AssemblyResult.values()) {
            assemblies.put(result, metrics.timer("blob_asset_assembly", "Asset assemblies, by how they were assembled.",
                    "result", result.name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * @param written false when the object was there already (a redelivered chunk)
     * @param took how long the store took to answer
     */
    public void chunkStored(long bytes, boolean written, Duration took) {
        chunkPuts.record(took);
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

    public void assetAssembled(AssemblyResult result, long bytes, Duration took) {
        assemblies.get(result).record(took);
        switch (result) {
            case COMPOSED -> assetsComposed.increment();
            case COMPLETED_IN_PLACE -> assetsCompletedInPlace.increment();
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

    public long assetsCompletedInPlace() {
        return assetsCompletedInPlace.sum();
    }

    public long assetsStreamed() {
        return assetsStreamed.sum();
    }

    public long assetsAlreadyStored() {
        return assetsAlreadyStored.sum();
    }

    private void register(Metrics metrics) {
        metrics.functionCounter("blob_chunks_stored", "Chunk objects written.", chunksWritten, LongAdder::sum)
                .functionCounter("blob_chunks_already_stored", "Chunks whose object existed already (redeliveries).",
                        chunksAlreadyStored, LongAdder::sum)
                .functionCounter("blob_chunk_bytes_stored", "Bytes of chunk objects written.", chunkBytesWritten,
                        LongAdder::sum)
                .functionCounter("blob_chunks_skipped", "Chunks not stored: bytes not matching their length or sha256.",
                        chunksSkipped, LongAdder::sum)
                .functionCounter("blob_assets_composed", "Asset objects assembled by server-side compose.",
                        assetsComposed, LongAdder::sum)
                .functionCounter("blob_assets_completed_in_place",
                        "Asset objects completed from the parts their chunks were written as (no copy).",
                        assetsCompletedInPlace, LongAdder::sum)
                .functionCounter("blob_assets_streamed", "Asset objects assembled by a streaming copy.",
                        assetsStreamed, LongAdder::sum)
                .functionCounter("blob_assets_already_stored", "Verified uploads whose asset object existed already.",
                        assetsAlreadyStored, LongAdder::sum)
                .functionCounter("blob_asset_bytes_assembled", "Bytes of asset objects assembled.",
                        assetBytesAssembled, LongAdder::sum)
                .functionCounter("blob_chunk_objects_deleted",
                        "Chunk objects deleted after assembly, abort, failure, expiry or forgetting.", chunkObjectsDeleted,
                        LongAdder::sum)
                .functionCounter("blob_assets_deleted", "Asset objects removed because their asset was deleted.",
                        assetsDeleted, LongAdder::sum);
    }
}
