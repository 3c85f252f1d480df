package io.sluice.ingest.assets;

import io.sluice.events.AssetIndexEntry;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.projections.AssetIndexView;
import io.sluice.schemas.keys.UploadIds;
import java.time.Duration;
import java.util.Optional;

/**
 * Finds the caller's asset in the index view. Another tenant's asset does not exist for the caller.
 * A miss first lets the view catch up with everything the index topic has committed (contract I3: once
 * {@code UploadFinished} is visible anywhere, the entry is committed, so a read through any
 * instance finds it at once).
 */
public final class AssetLookup {

    private final AssetIndexView index;
    private final Duration catchUpWait;

    public AssetLookup(AssetIndexView index, Duration catchUpWait) {
        this.index = index;
        this.catchUpWait = catchUpWait;
    }

    public Optional<AssetIndexEntry> find(String tenant, String assetId) throws InterruptedException {
        if (!UploadIds.isAssetId(assetId)) return Optional.empty();
        Optional<AssetIndexEntry> entry = index.get(assetId);
        if (entry.isEmpty() && index.awaitCaughtUp(catchUpWait)) entry = index.get(assetId);
        return entry.filter(found -> found.getTenant().equals(tenant));
    }

    /**
     * The caller's asset also when it is deleted (its entry is then a marker with {@code deletedAt}),
     * after catching up on a miss.
     */
    public Optional<AssetIndexEntry> findIncludingDeleted(String tenant, String assetId) throws InterruptedException {
        if (!UploadIds.isAssetId(assetId)) return Optional.empty();
        Optional<AssetIndexEntry> entry = index.getIncludingDeleted(assetId);
        if (entry.isEmpty() && index.awaitCaughtUp(catchUpWait)) entry = index.getIncludingDeleted(assetId);
        return entry.filter(found -> found.getTenant().equals(tenant));
    }

    /** Waits until the asset's entry is marked deleted; whether it was within the timeout. */
    public boolean awaitDeleted(String assetId, Duration timeout) throws InterruptedException {
        return index.awaitDeleted(assetId, timeout);
    }

    /** The asset as this instance holds it now, without waiting to catch up. */
    public Optional<AssetIndexEntry> held(String tenant, String assetId) {
        if (!UploadIds.isAssetId(assetId)) return Optional.empty();
        return index.get(assetId).filter(found -> found.getTenant().equals(tenant));
    }

    /** @throws ApiException 404 when the caller has no such asset */
    public AssetIndexEntry require(String tenant, String assetId) throws InterruptedException {
        return find(tenant, assetId).orElseThrow(() -> new ApiException(ProblemCode.NOT_FOUND, "no such asset"));
    }

    /** Waits until the asset is indexed (a finish that just completed); empty if the wait runs out. */
    public Optional<AssetIndexEntry> awaitIndexed(String tenant, String assetId, Duration timeout)
            throws InterruptedException {
        return index.await(assetId, timeout).filter(found -> found.getTenant().equals(tenant));
    }
}
