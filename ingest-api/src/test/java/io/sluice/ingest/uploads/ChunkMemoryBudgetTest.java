package io.sluice.ingest.uploads;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChunkMemoryBudgetTest {

    @Test
    void shouldRefuseAChunkWhileTheBudgetIsTakenAndTakeItOnceReleased() throws Exception {
        ChunkMemoryBudget budget = new ChunkMemoryBudget(8 * 1024, Duration.ofMillis(10));
        ChunkMemoryBudget.Reservation first = budget.reserve(6 * 1024);
        assertThat(budget.reservedBytes()).isEqualTo(6 * 1024);

        assertThat(refusal(() -> budget.reserve(4 * 1024)).code()).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);

        first.close();
        ChunkMemoryBudget.Reservation second = budget.reserve(4 * 1024);
        assertThat(budget.reservedBytes()).isEqualTo(4 * 1024);
        second.close();
        assertThat(budget.reservedBytes()).isZero();
    }

    @Test
    void shouldLetAChunkLargerThanTheBudgetThroughAlone() throws Exception {
        ChunkMemoryBudget budget = new ChunkMemoryBudget(4 * 1024, Duration.ofMillis(10));
        ChunkMemoryBudget.Reservation big = budget.reserve(64 * 1024);
        assertThat(refusal(() -> budget.reserve(1)).code()).isEqualTo(ProblemCode.SERVICE_UNAVAILABLE);
        big.close();
        assertThat(budget.reservedBytes()).isZero();
    }
}
