package io.sluice.upload;

import java.util.regex.Pattern;

/**
 * The form of upload and asset ids: {@code up_} and {@code as_} followed by 32 lower-case hex digits
 * (an asset's digits are its upload's). Checked before an id is used as a key or in an object name.
 */
public final class IdFormat {

    private static final Pattern UPLOAD_ID = Pattern.compile("up_[0-9a-f]{32}");
    private static final Pattern ASSET_ID = Pattern.compile("as_[0-9a-f]{32}");

    private IdFormat() {}

    public static boolean isUploadId(String candidate) {
        return candidate != null && candidate.length() == 35 && UPLOAD_ID.matcher(candidate).matches();
    }

    public static boolean isAssetId(String candidate) {
        return candidate != null && candidate.length() == 35 && ASSET_ID.matcher(candidate).matches();
    }
}
