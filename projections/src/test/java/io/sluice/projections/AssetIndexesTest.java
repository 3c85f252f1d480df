package io.sluice.projections;

import static io.sluice.projections.Samples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Listing, paging and derivatives of the asset view, without Kafka. */
class AssetIndexesTest {

    private final AssetIndexes indexes = new AssetIndexes();

    private AssetIndexEntry index(AssetIndexEntry entry) {
        indexes.changed(entry.getAssetId(), null, entry);
        return entry;
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
        assertThat(indexes.list("acme", 10, null).items())
                .containsExactly(newest, ties.get(0), ties.get(1), old);
        assertThat(indexes.list("acme", 10, null).nextCursor()).isNull();
    }

    @Test
    void shouldPageThroughEveryAssetOnceWithCursors() {
        List<AssetIndexEntry> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) expected.addFirst(index(Samples.entry("acme", T0.plusSeconds(i))));

        List<AssetIndexEntry> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            AssetPage page = indexes.list("acme", 3, cursor);
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

        AssetPage page = indexes.list("acme", 2, null);

        assertThat(page.items()).hasSize(2);
        assertThat(page.nextCursor()).isNull();
    }

    @Test
    void shouldNeitherRepeatNorSkipAssetsIndexedBetweenPages() {
        AssetIndexEntry first = index(Samples.entry("acme", T0.plusSeconds(10)));
        AssetIndexEntry second = index(Samples.entry("acme", T0.plusSeconds(5)));
        AssetPage page1 = indexes.list("acme", 1, null);

        index(Samples.entry("acme", T0.plusSeconds(20))); // newer than the cursor: belongs on page one
        AssetIndexEntry older = index(Samples.entry("acme", T0));
        AssetPage page2 = indexes.list("acme", 5, page1.nextCursor());

        assertThat(page1.items()).containsExactly(first);
        assertThat(page2.items()).containsExactly(second, older);
    }

    @Test
    void shouldListNothingForATenantWithoutAssets() {
        assertThat(indexes.list("nobody", 5, null)).isEqualTo(new AssetPage(List.of(), null));
    }

    @Test
    void shouldRefuseALimitBelowOneAndAMalformedCursor() {
        assertThatThrownBy(() -> indexes.list("acme", 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> indexes.list("acme", 5, "not a cursor")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldListDerivativesOfAnOriginalOldestFirst() {
        AssetIndexEntry original = index(Samples.entry("acme", T0));
        AssetIndexEntry thumbnail = index(Samples.entry("acme", T0.plusSeconds(3),
                Samples.derivativeOf(original, DerivativeRole.THUMBNAIL)));
        AssetIndexEntry display = index(Samples.entry("acme", T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.DISPLAY)));
        index(Samples.entry("acme", T0.plusSeconds(2)));

        assertThat(indexes.derivativesOf(original.getAssetId())).containsExactly(display, thumbnail);
        assertThat(indexes.derivativesOf(display.getAssetId())).isEmpty();
    }

    @Test
    void shouldDropAnAssetFromListingAndDerivativesWhenItIsRemoved() {
        AssetIndexEntry original = index(Samples.entry("acme", T0));
        AssetIndexEntry derivative = index(Samples.entry("acme", T0.plusSeconds(1),
                Samples.derivativeOf(original, DerivativeRole.PLACEHOLDER)));

        indexes.changed(derivative.getAssetId(), derivative, null);

        assertThat(indexes.list("acme", 10, null).items()).containsExactly(original);
        assertThat(indexes.derivativesOf(original.getAssetId())).isEmpty();
    }

    @Test
    void shouldMoveAnAssetWhoseEntryIsReplaced() {
        AssetIndexEntry a = index(Samples.entry("acme", T0));
        AssetIndexEntry b = index(Samples.entry("acme", T0.plusSeconds(1)));
        AssetIndexEntry aLater = AssetIndexEntry.newBuilder(a).setCreatedAt(T0.plusSeconds(2)).build();

        indexes.changed(a.getAssetId(), a, aLater);

        assertThat(indexes.list("acme", 10, null).items()).containsExactly(aLater, b);
    }
}
