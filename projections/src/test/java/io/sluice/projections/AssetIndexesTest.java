package io.sluice.projections;

import static io.sluice.projections.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listing, paging and derivatives of the asset view, on its database, without Kafka. */
class AssetIndexesTest {

    @TempDir
    Path directory;

    private ViewDatabase database;
    private final Map<String, AssetIndexEntry> entries = new HashMap<>();
    private final AssetIndexes indexes = new AssetIndexes();

    @BeforeEach
    void open() {
        database = ViewDatabase.open(directory, "sluice.asset-index", 8 << 20);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private AssetIndexEntry index(AssetIndexEntry entry) {
        change(entry.getAssetId(), entries.get(entry.getAssetId()), entry);
        return entry;
    }

    /** What the view does with a record: secondary keys and the entry in one batch. */
    private void change(String assetId, AssetIndexEntry previous, AssetIndexEntry current) {
        try (ViewDatabase.Update update = database.update()) {
            indexes.changed(assetId, previous, current, update);
            if (current == null) {
                update.deleteValue(assetId);
                entries.remove(assetId);
            } else {
                update.putValue(assetId, new byte[] {1});
                entries.put(assetId, current);
            }
            update.commit();
        }
    }

    private AssetPage list(String tenant, int limit, String cursor) {
        return AssetIndexes.list(database, id -> Optional.ofNullable(entries.get(id)), tenant, limit, cursor);
    }

    private List<AssetIndexEntry> derivativesOf(String assetId) {
        return AssetIndexes.derivativesOf(database, id -> Optional.ofNullable(entries.get(id)), assetId);
    }

    @Test
    void shouldListATenantsAssetsNewestFirstAndBreakTiesByAssetId() {
        AssetIndexEntry old = index(Samples.entry("acme", T0));
        AssetIndexEntry newest = index(Samples.entry("acme", T0.plusSeconds(20)));
        AssetIndexEntry tieA = index(Samples.entry("acme", T0.plusSeconds(10)));
        AssetIndexEntry tieB = index(Samples.entry("acme", T0.plusSeconds(10)));
        index(Samples.entry("other", T0.plusSeconds(30)));

        List<AssetIndexEntry> ties = tieA.getAssetId().compareTo(tieB.getAssetId()) < 0
                ? List.of(tieA, tieB) : List.of(tieB, tieA);
        assertThat(list("acme", 10, null).items())
                .containsExactly(newest, ties.get(0), ties.get(1), old);
        assertThat(list("acme", 10, null).nextCursor()).isNull();
    }

    @Test
    void shouldPageThroughEveryAssetOnceWithCursors() {
        List<AssetIndexEntry> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) expected.addFirst(index(Samples.entry("acme", T0.plusSeconds(i))));

        List<AssetIndexEntry> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            AssetPage page = list("acme", 3, cursor);
            seen.addAll(page.items());
            pageSizes.add(page.items().size());
            cursor = page.nextCursor();
        } while (cursor != null);

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldEndWithoutCursorWhenTheLastPageIsFull() {
        index(Samples.entry("acme", T0));
        index(Samples.entry("acme", T0.plusSeconds(1)));

        AssetPage page = list("acme", 2, null);

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void shouldNeitherRepeatNorSkipAssetsIndexedBetweenPages() {
        AssetIndexEntry first = index(Samples.entry("acme", T0.plusSeconds(10)));
        AssetIndexEntry second = index(Samples.entry("acme", T0.plusSeconds(5)));
        AssetPage page1 = list("acme", 1, null);

        index(Samples.entry("acme", T0.plusSeconds(20))); // newer than the cursor: belongs on page one
        AssetIndexEntry older = index(Samples.entry("acme", T0));
        AssetPage page2 = list("acme", 5, page1.nextCursor());

        assertThat(page1.items()).containsExactly(first);
        assertThat(page2.items()).containsExactly(second, older);
    }

    @Test
    void shouldListNothingForATenantWithoutAssets() {
        assertThat(list("nobody", 5, null)).isEqualTo(new AssetPage(List.of(), null));
    }

    @Test
    void shouldRefuseALimitBelowOneAndAMalformedCursor() {
        assertThatThrownBy(() -> list("acme", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list("acme", 5, "not a cursor")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldListDerivativesOfAnOriginalOldestFirst() {
        AssetIndexEntry original = index(Samples.entry("acme", T0));
        AssetIndexEntry thumbnail = index(Samples.entry("acme", T0.plusSeconds(3),
                Samples.derivativeOf(original, DerivativeRole.THUMBNAIL)));
        AssetIndexEntry display = index(Samples.entry("acme", T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.DISPLAY)));
        index(Samples.entry("acme", T0.plusSeconds(2)));

        assertThat(derivativesOf(original.getAssetId())).containsExactly(display, thumbnail);
        assertThat(derivativesOf(display.getAssetId())).isEmpty();
    }

    @Test
    void shouldDropAnAssetFromListingAndDerivativesWhenItIsRemoved() {
        AssetIndexEntry original = index(Samples.entry("acme", T0));
        AssetIndexEntry derivative = index(Samples.entry("acme", T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.PLACEHOLDER)));

        change(derivative.getAssetId(), derivative, null);

        assertThat(list("acme", 10, null).items()).containsExactly(original);
        assertThat(derivativesOf(original.getAssetId())).isEmpty();
    }

    @Test
    void shouldMoveAnAssetWhoseEntryIsReplaced() {
        AssetIndexEntry a = index(Samples.entry("acme", T0));
        AssetIndexEntry b = index(Samples.entry("acme", T0.plusSeconds(1)));
        AssetIndexEntry aLater = AssetIndexEntry.newBuilder(a).setCreatedAt(T0.plusSeconds(2)).build();

        change(a.getAssetId(), a, aLater);

        assertThat(list("acme", 10, null).items()).containsExactly(aLater, b);
    }

    @Test
    void shouldOrderAssetsCreatedBeforeTheEpochAndFarInTheFuture() {
        AssetIndexEntry past = index(Samples.entry("acme", java.time.Instant.ofEpochMilli(-5_000)));
        AssetIndexEntry epoch = index(Samples.entry("acme", java.time.Instant.EPOCH));
        AssetIndexEntry future = index(Samples.entry("acme", java.time.Instant.parse("2999-01-01T00:00:00Z")));

        assertThat(list("acme", 10, null).items()).containsExactly(future, epoch, past);
    }

    @Test
    void shouldCountValuesAndKeepTheCountAcrossAReopen() {
        AssetIndexEntry a = index(Samples.entry("acme", T0));
        index(Samples.entry("acme", T0.plusSeconds(1)));
        index(a); // the same key again
        assertThat(database.count()).isEqualTo(2);

        change(a.getAssetId(), a, null);
        database.close();
        database = ViewDatabase.open(directory, "sluice.asset-index", 8 << 20);

        assertThat(database.count()).isEqualTo(1);
        assertThat(list("acme", 10, null).items()).hasSize(1);
    }

    @Test
    void shouldRefuseToOpenTheDatabaseOfAnotherTopic() {
        database.close();
        assertThatThrownBy(() -> ViewDatabase.open(directory, "sluice.upload-status", 8 << 20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("sluice.asset-index");
        database = ViewDatabase.open(directory, "sluice.asset-index", 8 << 20);
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectory() {
        assertThatThrownBy(() -> ViewDatabase.open(directory, "sluice.asset-index", 8 << 20))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("another process");
    }
}
