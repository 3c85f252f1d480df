package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.regex.Pattern;

/**
 * SPEC.md, bad input: "missing or invalid field → 400 {@code invalid_request}", for
 * {@code contentType}: a media type {@code type/subtype} with optional parameters, printable ASCII,
 * at most 255 characters. It is sent back as the {@code Content-Type} of the asset's bytes, so it
 * must be a header value that cannot split a response.
 */
public final class ContentTypeRule {

    private static final Pattern MEDIA_TYPE = Pattern.compile(
            "[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(\\s*;[\\x20-\\x7e]*)?");
    private static final int MAX_LENGTH = 255;

    private ContentTypeRule() {}

    public static void check(String contentType) {
        if (contentType.length() > MAX_LENGTH || !MEDIA_TYPE.matcher(contentType).matches()) {
            throw new ApiException(ProblemCode.INVALID_REQUEST,
                    "contentType must be a media type such as application/octet-stream").with("field", "contentType");
        }
    }
}
