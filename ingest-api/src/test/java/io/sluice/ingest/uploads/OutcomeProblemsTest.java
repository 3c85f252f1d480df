package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.FailureReason;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.Samples;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomeProblemsTest {

    private static final UploadStatus OPEN = Samples.status("up_1", "acme", 10, 4).build();

    @Test
    void shouldMapTerminalStatesToTheirCodes() {
        assertThat(OutcomeProblems.forState(OPEN)).isEmpty();
        assertThat(OutcomeProblems.forState(with(UploadState.FINISHING))).isEmpty();
        assertThat(codeFor(UploadState.FINISHED)).isEqualTo(ProblemCode.UPLOAD_FINISHED);
        assertThat(codeFor(UploadState.ABORTED)).isEqualTo(ProblemCode.UPLOAD_ABORTED);
        assertThat(codeFor(UploadState.FAILED)).isEqualTo(ProblemCode.UPLOAD_FAILED);
        assertThat(codeFor(UploadState.EXPIRED)).isEqualTo(ProblemCode.UPLOAD_EXPIRED);
    }

    @Test
    void shouldNameTheMissingChunksOfARefusedFinish() {
        ApiException problem = OutcomeProblems.refused(
                Samples.refused("r1", RequestKind.FINISH, RejectionReason.CHUNKS_MISSING, List.of(1, 2)), OPEN);
        assertThat(problem.code()).isEqualTo(ProblemCode.CHUNKS_MISSING);
        assertThat(problem.extras()).containsEntry("missing", List.of(1, 2));
    }

    @Test
    void shouldMapRefusalsToTheirCodes() {
        assertThat(refusedWith(RejectionReason.IDEMPOTENCY_KEY_REUSED)).isEqualTo(ProblemCode.IDEMPOTENCY_KEY_REUSED);
        assertThat(refusedWith(RejectionReason.UPLOAD_FINISHED)).isEqualTo(ProblemCode.UPLOAD_FINISHED);
        assertThat(refusedWith(RejectionReason.UPLOAD_EXPIRED)).isEqualTo(ProblemCode.UPLOAD_EXPIRED);
        assertThat(refusedWith(RejectionReason.UNKNOWN_UPLOAD)).isEqualTo(ProblemCode.NOT_FOUND);
        assertThat(refusedWith(RejectionReason.INVALID_REQUEST)).isEqualTo(ProblemCode.INVALID_REQUEST);
    }

    @Test
    void shouldExplainAFinishThatFailedTheUpload() {
        UploadStatus failed = Samples.status("up_1", "acme", 10, 4).setState(UploadState.FAILED)
                .setError(new UploadError(FailureReason.SIZE_MISMATCH, "10", "11")).build();
        ApiException problem = OutcomeProblems.refused(
                Samples.refused("r1", RequestKind.FINISH, null, List.of()), failed);
        assertThat(problem.code()).isEqualTo(ProblemCode.SIZE_MISMATCH);
        assertThat(problem.code().status()).isEqualTo(422);
        assertThat(problem.extras()).containsEntry("expected", "10").containsEntry("actual", "11");
    }

    private static ProblemCode refusedWith(RejectionReason reason) {
        return OutcomeProblems.refused(Samples.refused("r1", RequestKind.FINISH, reason, List.of()), OPEN).code();
    }

    private static ProblemCode codeFor(UploadState state) {
        return OutcomeProblems.forState(with(state)).orElseThrow().code();
    }

    private static UploadStatus with(UploadState state) {
        return UploadStatus.newBuilder(OPEN).setState(state).build();
    }
}
