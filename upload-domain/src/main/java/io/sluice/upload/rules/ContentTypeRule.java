package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rule: "missing or invalid field → 400 {@code invalid_request}", for {@code contentType}: a media
 * type {@code type/subtype} with optional parameters, printable ASCII, at most 255 characters. It is
 * sent back as the {@code Content-Type} of the asset's bytes, so it must be a header value that
 * cannot split a response.
 */
public final class ContentTypeRule {

    public static final int MAX_LENGTH = 255;

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;[\\x20-\\x7e]*)?");

    private ContentTypeRule() {}

    public static Optional<Violation> check(String contentType) {
        if (contentType != null && contentType.length() <= MAX_LENGTH && MEDIA_TYPE.matcher(contentType).matches()) {
            return Optional.empty();
        }
        return Optional.of(Violation.of(RuleCode.INVALID_REQUEST,
                "contentType must be a media type such as application/octet-stream").with("field", "contentType"));
    }
}
