package io.sluice.schemas.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MinuteKeysTest {

    private static final long T = Instant.parse("2026-12-06T23:59:59.999Z").toEpochMilli();

    @Test
    void aMinuteAndTheSameMinuteOfTheNextDayShareAKeyAndNoOtherMinuteDoes() {
        assertThat(MinuteKeys.key("acme", T)).isEqualTo("acme/1439");
        assertThat(MinuteKeys.key("acme", T + Duration.ofDays(1).toMillis())).isEqualTo("acme/1439");
        assertThat(MinuteKeys.key("acme", T + 1)).isEqualTo("acme/0000");
        assertThat(MinuteKeys.key("globex", T)).isEqualTo("globex/1439");
    }

    @Test
    void theMinuteStartIsTheMinuteATimeFallsIn() {
        assertThat(Instant.ofEpochMilli(MinuteKeys.minuteStart(T))).isEqualTo(Instant.parse("2026-12-06T23:59:00Z"));
        assertThat(MinuteKeys.minuteStart(-1)).isEqualTo(-60_000);
    }
}
