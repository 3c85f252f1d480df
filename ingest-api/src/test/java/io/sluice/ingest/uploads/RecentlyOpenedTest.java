package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.upload.ChunkGrid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentlyOpenedTest {

    @Test
    void shouldKnowAnUploadOnlyForItsTenant() {
        RecentlyOpened opened = new RecentlyOpened(10, Duration.ofMinutes(2), Clock.systemUTC());
        opened.remember("up_1", "acme", ChunkGrid.of(10, 4));
        assertThat(opened.get("up_1", "acme")).hasValueSatisfying(o -> assertThat(o.shape().chunkCount()).isEqualTo(3));
        assertThat(opened.get("up_1", "globex")).isEmpty();
        assertThat(opened.get("up_2", "acme")).isEmpty();
    }

    @Test
    void shouldForgetTheOldestBeyondItsCapacity() {
        RecentlyOpened opened = new RecentlyOpened(2, Duration.ofMinutes(2), Clock.systemUTC());
        opened.remember("up_1", "acme", ChunkGrid.of(10, 4));
        opened.remember("up_2", "acme", ChunkGrid.of(10, 4));
        opened.remember("up_3", "acme", ChunkGrid.of(10, 4));
        assertThat(opened.get("up_1", "acme")).isEmpty();
        assertThat(opened.get("up_3", "acme")).isPresent();
    }

    @Test
    void shouldForgetAnUploadOpenedLongerAgoThanItsMaximumAge() {
        Instant[] now = {Instant.parse("2026-12-06T10:00:00Z")};
        Clock clock = new Clock() {
            @Override public ZoneId getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(ZoneId zone) { return this; }
            @Override public Instant instant() { return now[0]; }
        };
        RecentlyOpened opened = new RecentlyOpened(10, Duration.ofSeconds(30), clock);
        opened.remember("up_1", "acme", ChunkGrid.of(10, 4));

        now[0] = now[0].plusSeconds(30);
        assertThat(opened.get("up_1", "acme")).isPresent();
        now[0] = now[0].plusMillis(1);
        assertThat(opened.get("up_1", "acme")).as("a status would exist by now, or the upload was forgotten").isEmpty();
    }
}
