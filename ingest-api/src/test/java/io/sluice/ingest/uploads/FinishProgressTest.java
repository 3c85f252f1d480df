package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.FailureReason;
import io.sluice.events.RejectionReason;
import io.sluice.events.RequestKind;
import io.sluice.events.UploadError;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.Samples;
import io.sluice.ingest.http.ProblemCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinishProgressTest {

    @Test
    void shouldBePendingUntilTheRequestIsAnswered() {
        assertThat(FinishProgress.of(status(UploadState.OPEN).build(), "r1")).isInstanceOf(FinishProgress.Pending.class);
    }

    @Test
    void shouldBePendingWhileAnAcceptedFinishIsVerifiedAndAssembled() {
        UploadStatus finishing = status(UploadState.FINISHING)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.FINISH))).setAssetId("as_1").build();
        assertThat(FinishProgress.of(finishing, "r1")).isInstanceOf(FinishProgress.Pending.class);
    }

    @Test
    void shouldBeFinishedOnceTheUploadIsFinished() {
        UploadStatus finished = status(UploadState.FINISHED)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.FINISH))).setAssetId("as_1").build();
        assertThat(FinishProgress.of(finished, "r1")).isEqualTo(new FinishProgress.Finished("as_1"));
    }

    @Test
    void shouldBeRefusedWithTheMissingChunks() {
        UploadStatus refused = status(UploadState.OPEN).setRecentOutcomes(List.of(
                Samples.refused("r1", RequestKind.FINISH, RejectionReason.CHUNKS_MISSING, List.of(3)))).build();
        FinishProgress progress = FinishProgress.of(refused, "r1");
        assertThat(progress).isInstanceOfSatisfying(FinishProgress.Refused.class,
                r -> assertThat(r.problem().code()).isEqualTo(ProblemCode.CHUNKS_MISSING));
    }

    @Test
    void shouldBeRefusedWithTheChecksumMismatchThatFailedTheUpload() {
        UploadStatus failed = status(UploadState.FAILED)
                .setError(new UploadError(FailureReason.CHECKSUM_MISMATCH, "aa", "bb"))
                .setRecentOutcomes(List.of(Samples.refused("r1", RequestKind.FINISH, null, List.of()))).build();
        assertThat(FinishProgress.of(failed, "r1")).isInstanceOfSatisfying(FinishProgress.Refused.class,
                r -> assertThat(r.problem().code()).isEqualTo(ProblemCode.CHECKSUM_MISMATCH));
    }

    @Test
    void shouldBeRefusedWhenTheUploadEndsOtherwiseAfterAnAcceptedFinish() {
        UploadStatus expired = status(UploadState.EXPIRED)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.FINISH))).build();
        assertThat(FinishProgress.of(expired, "r1")).isInstanceOfSatisfying(FinishProgress.Refused.class,
                r -> assertThat(r.problem().code()).isEqualTo(ProblemCode.UPLOAD_EXPIRED));
    }

    private static UploadStatus.Builder status(UploadState state) {
        return Samples.status("up_1", "acme", 10, 4).setState(state);
    }
}
