package io.sluice.ingest.uploads;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class ChunkBodyTest {

    @Test
    void shouldReadExactlyTheExpectedLength() throws Exception {
        assertThat(ChunkBody.read(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3)).containsExactly(1, 2, 3);
    }

    @Test
    void shouldRefuseAShortBodyAsAMismatch() {
        assertThat(refusal(() -> ChunkBody.read(new ByteArrayInputStream(new byte[2]), 3)).code())
                .isEqualTo(ProblemCode.CHUNK_SIZE_MISMATCH);
    }

    @Test
    void shouldRefuseALongBodyAfterOneExtraByte() {
        CountingStream endless = new CountingStream();
        assertThat(refusal(() -> ChunkBody.read(endless, 3)).code()).isEqualTo(ProblemCode.CHUNK_TOO_LARGE);
        assertThat(endless.read).as("bytes read of an endless body").isEqualTo(4);
    }

    /** A body that never ends, counting what was read of it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return 7;
        }
    }
}
