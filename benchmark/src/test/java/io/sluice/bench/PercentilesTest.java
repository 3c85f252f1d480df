package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void shouldTakeTheNearestRankInMilliseconds() {
        List<Long> nanos = new ArrayList<>();
        for (long ms = 1; ms <= 100; ms++) nanos.add(ms * 1_000_000);
        Collections.shuffle(nanos);

        Percentiles percentiles = Percentiles.ofNanos(nanos);

        assertThat(percentiles.p50()).isEqualTo(50.0);
        assertThat(percentiles.p95()).isEqualTo(95.0);
        assertThat(percentiles.p99()).isEqualTo(99.0);
        assertThat(percentiles.max()).isEqualTo(100.0);
        assertThat(percentiles.count()).isEqualTo(100);
    }

    @Test
    void shouldReportTheOnlyValueOfOne() {
        Percentiles percentiles = Percentiles.ofNanos(List.of(2_500_000L));

        assertThat(percentiles.p50()).isEqualTo(2.5);
        assertThat(percentiles.p99()).isEqualTo(2.5);
    }

    @Test
    void shouldRefuseNoMeasurements() {
        assertThatThrownBy(() -> Percentiles.ofNanos(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
