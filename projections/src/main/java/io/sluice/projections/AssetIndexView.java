package io.sluice.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.events.AssetIndexEntry;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.Readiness;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The asset index, from the compacted index topic the index projector writes
 * ({@link Topics#ASSET_INDEX}, keyed by asset id): one asset's entry, a tenant's assets page by page
 * (newest first), and an asset's derivatives. On disk (see {@link CompactedTopicView}); the secondary
 * keys are written in the same batch as their entry, so once an asset can be read it is also listed.
 */
public final class AssetIndexView implements AutoCloseable {

    private final CompactedTopicView<AssetIndexEntry> view;

    private AssetIndexView(CompactedTopicView<AssetIndexEntry> view) {
        this.view = view;
    }

    /**
     * Opens the view's database in {@code directory} and starts its consumer thread, which goes on
     * from where the database stops; returns at once.
     */
    public static AssetIndexView start(SluiceConfig config, SchemaRegistry registry, Path directory) {
        return new AssetIndexView(CompactedTopicView.start(config, Topics.ASSET_INDEX, registry, directory,
                new AssetIndexes()));
    }

    /**
     * The asset's entry, unless it is deleted. A derivative of a deleted original is shown without
     * its link: the original's deletion took its derivatives' links with it.
     */
    public Optional<AssetIndexEntry> get(String assetId) {
        return view.get(assetId).filter(AssetIndexView::isLive).map(this::withoutDeletedOriginal);
    }

    /** The asset's entry as indexed, also when it is deleted (a marker with {@code deletedAt}). */
    public Optional<AssetIndexEntry> getIncludingDeleted(String assetId) {
        return view.get(assetId);
    }

    /** Blocks until the asset is indexed (and not deleted) or the timeout passes; empty on timeout. */
    public Optional<AssetIndexEntry> await(String assetId, Duration timeout) throws InterruptedException {
        return view.await(assetId, AssetIndexView::isLive, timeout).filter(AssetIndexView::isLive)
                .map(this::withoutDeletedOriginal);
    }

    /** Blocks until the asset's entry is marked deleted or the timeout passes; whether it is. */
    public boolean awaitDeleted(String assetId, Duration timeout) throws InterruptedException {
        return view.await(assetId, entry -> !isLive(entry), timeout).filter(entry -> !isLive(entry)).isPresent();
    }

    /**
     * The tenant's assets, newest first (createdAt descending, then assetId ascending), at most
     * {@code limit} of them after the opaque {@code cursor} (null for the first page).
     *
     * @throws IllegalArgumentException if {@code limit} is below 1 or the cursor was not made by this
     *     class (a client sent a bad one: answer 400)
     */
    public AssetPage list(String tenant, int limit, String cursor) {
        return AssetIndexes.list(view.database(), this::get, tenant, limit, cursor);
    }

    /** Entries whose {@code derivativeOf.assetId} is {@code assetId}, oldest first. */
    public List<AssetIndexEntry> derivativesOf(String assetId) {
        return AssetIndexes.derivativesOf(view.database(), this::get, assetId);
    }

    /**
     * Blocks until every record committed to the topic before this call is applied; false on timeout.
     *
     * @see CompactedTopicView#awaitCaughtUp(Duration)
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return view.awaitCaughtUp(timeout);
    }

    static boolean isLive(AssetIndexEntry entry) {
        return entry.getDeletedAt() == null;
    }

    private AssetIndexEntry withoutDeletedOriginal(AssetIndexEntry entry) {
        if (entry.getDerivativeOf() == null) return entry;
        Optional<AssetIndexEntry> original = view.get(entry.getDerivativeOf().getAssetId());
        if (original.isEmpty() || isLive(original.get())) return entry; // an original still uploading is linked to
        return AssetIndexEntry.newBuilder(entry).setDerivativeOf(null).build();
    }

    /** Ready once the initial load reached the end of the topic. */
    public Readiness readiness() {
        return view.readiness();
    }

    /** Assets held. */
    public long size() {
        return view.size();
    }

    /** Records passed over because they can never be decoded. */
    public long skippedRecords() {
        return view.skippedRecords();
    }

    /** Records read and applied since the view started (not those its database already held). */
    public long recordsApplied() {
        return view.recordsApplied();
    }

    /** The view's consumer's own metrics on {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        view.bindMetrics(registry);
    }

    @Override
    public void close() {
        view.close();
    }
}
