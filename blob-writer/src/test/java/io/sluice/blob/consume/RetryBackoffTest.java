package io.sluice.blob.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    @Test
    void shouldDoubleFromTheInitialDelayUpToTheMaximum() {
        RetryBackoff backoff = RetryBackoff.DEFAULT;

        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.delayAfter(6)).isEqualTo(Duration.ofMillis(6400));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofSeconds(10));
        assertThat(backoff.delayAfter(1_000)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldRefuseAMaximumBelowTheInitialDelay() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
