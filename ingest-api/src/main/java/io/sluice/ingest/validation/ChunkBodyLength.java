package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.Optional;

/**
 * docs/contract.md, bad input: "chunk of the wrong length → 400 {@code chunk_size_mismatch}" and "body
 * longer than declared (refused before it is read whole) → 413 {@code chunk_too_large}". "Declared"
 * is the chunk's length as the upload's size and chunk size fix it: every chunk but the last is
 * exactly {@code chunkSize} bytes. Checked on the {@code Content-Length} header before a byte of the
 * body is read; a body without one (chunked transfer) is checked as it is read ({@link #tooShort},
 * {@link #tooLong}).
 */
public final class ChunkBodyLength {

    private ChunkBodyLength() {}

    /** Checks the declared {@code Content-Length}, if there is one. */
    public static void checkDeclared(Optional<String> contentLength, int expected) {
        if (contentLength.isEmpty()) return;
        long declared;
        try {
            declared = Long.parseLong(contentLength.get().trim());
        } catch (NumberFormatException e) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "Content-Length is not a number");
        }
        if (declared > expected) throw tooLong(expected).with("actual", declared);
        if (declared < expected) throw tooShort(expected, declared);
    }

    public static ApiException tooShort(int expected, long actual) {
        return new ApiException(ProblemCode.CHUNK_SIZE_MISMATCH, "this chunk must be exactly " + expected + " bytes")
                .with("expected", expected).with("actual", actual);
    }

    public static ApiException tooLong(int expected) {
        return new ApiException(ProblemCode.CHUNK_TOO_LARGE, "this chunk must be exactly " + expected + " bytes")
                .with("expected", expected);
    }
}
