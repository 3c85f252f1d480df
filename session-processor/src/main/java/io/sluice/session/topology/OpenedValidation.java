package io.sluice.session.topology;

import io.sluice.events.UploadOpened;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.upload.ChunkGrid;
import io.sluice.upload.Opening;
import io.sluice.upload.OpeningRules;
import io.sluice.upload.RuleCode;
import io.sluice.upload.UploadLimits;
import io.sluice.upload.Violation;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The checks of an {@code UploadOpened} before a session is made for it: every upload rule the API
 * applies ({@link OpeningRules}, module {@code upload-domain}), because direct producers skip the
 * API, and what only an event can get wrong (the upload id's form, a chunk count that is not the
 * grid's, a time-to-live). Nothing here costs more than the event's own size: the chunk count is
 * bounded before anything is sized by it.
 */
final class OpenedValidation {

    private OpenedValidation() {}

    /** The first broken rule, if any. */
    static Optional<Violation> problem(UploadOpened opened, UploadLimits limits) {
        if (!UploadIds.isUploadId(opened.getUploadId())) {
            return invalid("uploadId must be up_ followed by 32 lower-case hex digits");
        }
        Optional<Violation> broken = OpeningRules.check(opening(opened), limits);
        if (broken.isPresent()) return broken;
        long expectedCount = ChunkGrid.chunkCount(opened.getSize(), opened.getChunkSize());
        if (opened.getChunkCount() != expectedCount) {
            return invalid("chunkCount must be ceil(size / chunkSize) = " + expectedCount);
        }
        if (opened.getIdleTtlMillis() <= 0) return invalid("idleTtlMillis must be positive");
        return Optional.empty();
    }

    static Opening opening(UploadOpened opened) {
        var derivative = opened.getDerivativeOf();
        return new Opening(opened.getTenant(), opened.getFileName(), opened.getContentType(), opened.getSize(),
                opened.getChunkSize(), opened.getSha256(), opened.getIdempotencyKey(),
                derivative == null ? null : derivative.getAssetId(),
                derivative == null ? null : derivative.getRole().name().toLowerCase(Locale.ROOT),
                opened.getMetadata());
    }

    private static Optional<Violation> invalid(String detail) {
        return Optional.of(Violation.of(RuleCode.INVALID_REQUEST, detail));
    }

    /** Whether a repeated open describes the same upload (an idempotent retry) rather than another one. */
    static boolean sameUpload(UploadOpened first, UploadOpened again) {
        return Objects.equals(first.getTenant(), again.getTenant())
                && Objects.equals(first.getFileName(), again.getFileName())
                && Objects.equals(first.getContentType(), again.getContentType())
                && first.getSize() == again.getSize()
                && first.getChunkSize() == again.getChunkSize()
                && Objects.equals(lower(first.getSha256()), lower(again.getSha256()))
                && Objects.equals(first.getIdempotencyKey(), again.getIdempotencyKey())
                && Objects.equals(first.getDerivativeOf(), again.getDerivativeOf())
                && Objects.equals(first.getMetadata(), again.getMetadata());
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }
}
