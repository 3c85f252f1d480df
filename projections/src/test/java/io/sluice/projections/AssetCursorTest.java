package io.sluice.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AssetCursorTest {

    @Test
    void shouldDecodeWhatItEncoded() {
        AssetOrder order = new AssetOrder(1_790_000_000_123L, "as_0123456789abcdef0123456789abcdef");

        String cursor = AssetCursor.encode(order);

        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(AssetCursor.decode(cursor)).isEqualTo(order);
    }

    @Test
    void shouldRefuseCursorsItDidNotMake() {
        String noColon = Base64.getUrlEncoder().encodeToString("12345".getBytes());
        String notANumber = Base64.getUrlEncoder().encodeToString("x:as_1".getBytes());
        String noAssetId = Base64.getUrlEncoder().encodeToString("12:".getBytes());

        for (String bad : new String[] {"***", noColon, notANumber, noAssetId}) {
            assertThatThrownBy(() -> AssetCursor.decode(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
