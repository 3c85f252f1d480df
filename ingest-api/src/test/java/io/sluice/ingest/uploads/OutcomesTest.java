package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.RequestKind;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.Samples;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutcomesTest {

    private static final long AT = Samples.NOW.toEpochMilli();

    @Test
    void shouldFindTheOutcomeOfOneRequest() {
        UploadStatus status = Samples.status("up_1", "acme", 10, 4)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.OPEN), Samples.accepted("r2", RequestKind.FINISH)))
                .build();
        assertThat(Outcomes.of(status, "r2")).hasValueSatisfying(o -> assertThat(o.getKind()).isEqualTo(RequestKind.FINISH));
        assertThat(Outcomes.of(status, "r3")).isEmpty();
    }

    @Test
    void shouldSayAnUploadIsNewWhenThisOpenCreatedIt() {
        UploadStatus status = Samples.status("up_1", "acme", 10, 4)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.OPEN))).build();
        assertThat(Outcomes.existedBefore(status, "r1", AT)).isFalse();
    }

    @Test
    void shouldSayAnUploadExistedWhenAnEarlierOpenWasAccepted() {
        UploadStatus status = Samples.status("up_1", "acme", 10, 4)
                .setRecentOutcomes(List.of(Samples.accepted("r0", RequestKind.OPEN), Samples.accepted("r1", RequestKind.OPEN)))
                .build();
        assertThat(Outcomes.existedBefore(status, "r1", AT)).isTrue();
    }

    @Test
    void shouldSayAnUploadExistedWhenItWasCreatedAtAnotherTime() {
        UploadStatus status = Samples.status("up_1", "acme", 10, 4)
                .setRecentOutcomes(List.of(Samples.accepted("r1", RequestKind.OPEN))).build();
        assertThat(Outcomes.existedBefore(status, "r1", AT + 5)).isTrue();
    }
}
