package io.sluice.ingest.uploads;

import io.sluice.events.FailureReason;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.Optional;

/**
 * The session processor's refusals and terminal states in the API's terms (docs/contract.md, bad-input
 * table): a finished upload takes nothing more (409 {@code upload_finished}); an aborted, failed or
 * expired one is gone (410); a finish that failed the upload says why (422 {@code size_mismatch}
 * / {@code checksum_mismatch}, with {@code expected} and {@code actual}).
 */
public final class OutcomeProblems {

    private OutcomeProblems() {}

    /** The problem for a request arriving at an upload in a terminal state; empty while it is open or finishing. */
    public static Optional<ApiException> forState(UploadStatus status) {
        return switch (status.getState()) {
            case OPEN, FINISHING -> Optional.empty();
            case FINISHED -> Optional.of(new ApiException(ProblemCode.UPLOAD_FINISHED, "the upload is finished"));
            case ABORTED -> Optional.of(new ApiException(ProblemCode.UPLOAD_ABORTED, "the upload was aborted"));
            case FAILED -> Optional.of(new ApiException(ProblemCode.UPLOAD_FAILED, "the upload failed")
                    .with("reason", status.getError() == null ? null : code(status.getError().getReason())));
            case EXPIRED -> Optional.of(new ApiException(ProblemCode.UPLOAD_EXPIRED, "the upload expired"));
        };
    }

    /** The problem for a refused request; {@code status} is the status that carries the outcome. */
    public static ApiException refused(RequestOutcome outcome, UploadStatus status) {
        if (outcome.getReason() == null) return failed(status);
        String detail = outcome.getDetail();
        return switch (outcome.getReason()) {
            case CHUNKS_MISSING -> new ApiException(ProblemCode.CHUNKS_MISSING,
                    detail != null ? detail : "chunks are missing; send them and finish again")
                    .with("missing", outcome.getMissing());
            case IDEMPOTENCY_KEY_REUSED -> new ApiException(ProblemCode.IDEMPOTENCY_KEY_REUSED,
                    "this idempotency key was used for an upload with a different request body");
            case UPLOAD_FINISHED -> new ApiException(ProblemCode.UPLOAD_FINISHED, "the upload is finished");
            case UPLOAD_ABORTED -> new ApiException(ProblemCode.UPLOAD_ABORTED, "the upload was aborted");
            case UPLOAD_FAILED -> new ApiException(ProblemCode.UPLOAD_FAILED, "the upload failed");
            case UPLOAD_EXPIRED -> new ApiException(ProblemCode.UPLOAD_EXPIRED, "the upload expired");
            case UNKNOWN_UPLOAD, TENANT_MISMATCH -> new ApiException(ProblemCode.NOT_FOUND, "no such upload");
            // the upload rules, broken by a request the processor saw under other limits than this API's
            case INVALID_SIZE, UPLOAD_TOO_LARGE, INVALID_CHUNK_SIZE, TOO_MANY_CHUNKS, INVALID_FILE_NAME ->
                    new ApiException(ProblemCode.valueOf(outcome.getReason().name()),
                            detail != null ? detail : "the request breaks an upload rule");
            default -> new ApiException(ProblemCode.INVALID_REQUEST, detail != null ? detail : "the request was refused")
                    .with("reason", outcome.getReason().name().toLowerCase(java.util.Locale.ROOT));
        };
    }

    /** The problem for the request that made the upload FAILED. */
    public static ApiException failed(UploadStatus status) {
        UploadError error = status.getError();
        if (status.getState() != UploadState.FAILED || error == null) {
            return new ApiException(ProblemCode.UPLOAD_FAILED, "the upload failed");
        }
        ProblemCode code = switch (error.getReason()) {
            case SIZE_MISMATCH -> ProblemCode.SIZE_MISMATCH;
            case CHECKSUM_MISMATCH -> ProblemCode.CHECKSUM_MISMATCH;
            default -> ProblemCode.UPLOAD_FAILED;
        };
        String detail = switch (error.getReason()) {
            case SIZE_MISMATCH -> "the size does not match the bytes received; the upload has failed";
            case CHECKSUM_MISMATCH -> "the SHA-256 does not match the bytes received; the upload has failed";
            default -> "a stored chunk did not match its accepted bytes; the upload has failed";
        };
        ApiException problem = new ApiException(code, detail);
        if (code == ProblemCode.UPLOAD_FAILED) problem.with("reason", code(error.getReason()));
        if (error.getExpected() != null) problem.with("expected", error.getExpected());
        if (error.getActual() != null) problem.with("actual", error.getActual());
        return problem;
    }

    static String code(FailureReason reason) {
        return reason.name().toLowerCase(java.util.Locale.ROOT);
    }
}
