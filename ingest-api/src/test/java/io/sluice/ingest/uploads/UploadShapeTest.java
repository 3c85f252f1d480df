package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UploadShapeTest {

    @Test
    void shouldCutASizeIntoFullChunksAndARemainder() {
        UploadShape shape = UploadShape.of(10, 4);
        assertThat(shape.chunkCount()).isEqualTo(3);
        assertThat(shape.expectedLength(0)).isEqualTo(4);
        assertThat(shape.expectedLength(1)).isEqualTo(4);
        assertThat(shape.expectedLength(2)).isEqualTo(2);
    }

    @Test
    void shouldMakeTheLastChunkFullWhenTheSizeDivides() {
        UploadShape shape = UploadShape.of(8, 4);
        assertThat(shape.chunkCount()).isEqualTo(2);
        assertThat(shape.expectedLength(1)).isEqualTo(4);
    }

    @Test
    void shouldAllowAChunkSizeLargerThanTheFile() {
        UploadShape shape = UploadShape.of(3, 4);
        assertThat(shape.chunkCount()).isEqualTo(1);
        assertThat(shape.expectedLength(0)).isEqualTo(3);
        assertThatThrownBy(() -> shape.expectedLength(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
