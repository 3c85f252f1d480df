package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.nio.charset.StandardCharsets;

/**
 * SPEC.md, bad input: "unsafe file name (path separators, {@code ..}, control characters, over 255
 * bytes) → 400 {@code invalid_file_name}". The name is metadata only (never part of an object key),
 * but clients save files under it, so it must be one plain name. 255 bytes is counted in UTF-8;
 * text that has no UTF-8 form (a lone surrogate) and an empty name are refused too.
 */
public final class SafeFileNameRule {

    public static final int MAX_BYTES = 255;

    private SafeFileNameRule() {}

    public static void check(String fileName) {
        if (fileName.isEmpty()) refuse("fileName must not be empty");
        if (fileName.indexOf('/') >= 0 || fileName.indexOf('\\') >= 0) refuse("fileName must not contain '/' or '\\'");
        if (fileName.contains("..")) refuse("fileName must not contain '..'");
        if (fileName.codePoints().anyMatch(Character::isISOControl)) refuse("fileName must not contain control characters");
        if (!StandardCharsets.UTF_8.newEncoder().canEncode(fileName)) refuse("fileName must be valid Unicode text");
        if (fileName.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            refuse("fileName must be at most " + MAX_BYTES + " bytes in UTF-8");
        }
    }

    private static void refuse(String detail) {
        throw new ApiException(ProblemCode.INVALID_FILE_NAME, detail);
    }
}
