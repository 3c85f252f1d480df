package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.upload.ChunkGrid;
import org.junit.jupiter.api.Test;

class RecentlyOpenedTest {

    @Test
    void shouldKnowAnUploadOnlyForItsTenant() {
        RecentlyOpened opened = new RecentlyOpened(10);
        opened.remember("up_1", "acme", ChunkGrid.of(10, 4));
        assertThat(opened.get("up_1", "acme")).hasValueSatisfying(o -> assertThat(o.shape().chunkCount()).isEqualTo(3));
        assertThat(opened.get("up_1", "globex")).isEmpty();
        assertThat(opened.get("up_2", "acme")).isEmpty();
    }

    @Test
    void shouldForgetTheOldestBeyondItsCapacity() {
        RecentlyOpened opened = new RecentlyOpened(2);
        opened.remember("up_1", "acme", ChunkGrid.of(10, 4));
        opened.remember("up_2", "acme", ChunkGrid.of(10, 4));
        opened.remember("up_3", "acme", ChunkGrid.of(10, 4));
        assertThat(opened.get("up_1", "acme")).isEmpty();
        assertThat(opened.get("up_3", "acme")).isPresent();
    }
}
