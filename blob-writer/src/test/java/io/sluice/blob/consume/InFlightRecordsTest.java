package io.sluice.blob.consume;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a partition may commit while its records finish in any order, and where it reads again. */
class InFlightRecordsTest {

    private final CompletableFuture<Void> first = new CompletableFuture<>();
    private final CompletableFuture<Void> second = new CompletableFuture<>();
    private final CompletableFuture<Void> third = new CompletableFuture<>();
    private final InFlightRecords records = new InFlightRecords();

    InFlightRecordsTest() {
        records.addAll(List.of(new StartedRecord(10, 100, first), new StartedRecord(11, 200, second),
                new StartedRecord(12, 300, third)));
    }

    @Test
    void shouldCommitNothingPastARecordStillUnderWay() {
        second.complete(null);
        third.complete(null);

        assertThat(records.advance()).isEqualTo(new InFlightRecords.Progress(-1, 0, -1, null));
        assertThat(records.bytes()).isEqualTo(600);
    }

    @Test
    void shouldCommitPastEveryDoneRecordOnceTheFirstIsDone() {
        second.complete(null);
        first.complete(null);

        assertThat(records.advance()).isEqualTo(new InFlightRecords.Progress(12, 300, -1, null));
        assertThat(records.bytes()).isEqualTo(300);

        third.complete(null);
        assertThat(records.advance()).isEqualTo(new InFlightRecords.Progress(13, 300, -1, null));
        assertThat(records.isEmpty()).isTrue();
    }

    @Test
    void shouldStopAtTheFirstFailedRecordAndNameItWithItsCause() {
        IOException unreachable = new IOException("S3 unreachable");
        first.complete(null);
        second.completeExceptionally(unreachable);
        third.complete(null);

        InFlightRecords.Progress progress = records.advance();

        assertThat(progress.committable()).isEqualTo(11);
        assertThat(progress.releasedBytes()).isEqualTo(100);
        assertThat(progress.failedOffset()).isEqualTo(11);
        assertThat(progress.failure()).isSameAs(unreachable);
        assertThat(records.clear()).isEqualTo(500);
        assertThat(records.bytes()).isZero();
    }

    @Test
    void shouldWaitForEveryRecordUpToTheDeadlineOnly() throws Exception {
        first.complete(null);
        second.completeExceptionally(new IllegalStateException("broker gone"));

        long started = System.nanoTime();
        records.awaitAll(started + 200_000_000L); // the third never ends

        assertThat(third).isNotDone();
        assertThat(records.advance().failedOffset()).isEqualTo(11);
    }
}
