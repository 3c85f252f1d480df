package io.sluice.projections;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque cursor of a listing: the position (creation time, asset id) of the last asset of a
 * page, base64url-encoded. Positions rather than offsets, so assets indexed between two page
 * requests neither repeat nor vanish from the pages after the cursor.
 */
final class AssetCursor {

    private AssetCursor() {}

    static String encode(AssetOrder last) {
        String plain = last.createdAtMillis() + ":" + last.assetId();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException if the cursor was not made by {@link #encode} */
    static AssetOrder decode(String cursor) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed cursor: not base64url", e);
        }
        int colon = plain.indexOf(':');
        if (colon <= 0 || colon == plain.length() - 1) throw new IllegalArgumentException("malformed cursor");
        try {
            return new AssetOrder(Long.parseLong(plain.substring(0, colon)), plain.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("malformed cursor", e);
        }
    }
}
