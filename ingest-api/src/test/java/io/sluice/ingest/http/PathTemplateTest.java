package io.sluice.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PathTemplateTest {

    private final PathTemplate chunk = PathTemplate.of("/v1/uploads/{uploadId}/chunks/{index}");

    @Test
    void shouldHandTheVariablesOfAMatchingPath() {
        assertThat(chunk.match("/v1/uploads/up_1/chunks/7")).contains(Map.of("uploadId", "up_1", "index", "7"));
    }

    @Test
    void shouldNotMatchOtherShapes() {
        assertThat(chunk.match("/v1/uploads/up_1/chunks")).isEmpty();
        assertThat(chunk.match("/v1/uploads/up_1/chunks/7/extra")).isEmpty();
        assertThat(chunk.match("/v1/uploads//chunks/7")).isEmpty();
        assertThat(chunk.match("/v1/uploads/up_1/chunks/7/")).isEmpty();
        assertThat(PathTemplate.of("/v1/uploads").match("/v1/uploads/")).isEmpty();
        assertThat(PathTemplate.of("/v1/uploads").match("/v1/uploads")).contains(Map.of());
    }
}
