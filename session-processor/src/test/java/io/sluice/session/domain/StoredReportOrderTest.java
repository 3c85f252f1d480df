package io.sluice.session.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Stored-chunk reports and requests arrive on different topics. Live, the session processor takes
 * them as they come; a replay interleaves them by timestamp. A report that came after the upload
 * ended live may come before the end in a replay, and the session must end up the same (contract I5).
 */
class StoredReportOrderTest {

    private static final int CHUNK = 1024;
    private final byte[] file = randomBytes(CHUNK * 2, 11);

    @Test
    void shouldKeepTheSameStoredChunksWhetherAReportCameBeforeOrAfterAFailedFinish() {
        assertSameWhicheverOrder(s -> s.requestFinish(file.length, new byte[32], 3_000));
    }

    @Test
    void shouldKeepTheSameStoredChunksWhetherAReportCameBeforeOrAfterAnAbort() {
        assertSameWhicheverOrder(s -> s.abort(3_000));
    }

    @Test
    void shouldKeepTheSameStoredChunksWhetherAReportCameBeforeOrAfterAnExpiry() {
        assertSameWhicheverOrder(s -> s.expire(3_000));
    }

    private void assertSameWhicheverOrder(Consumer<UploadSession> end) {
        UploadSession reportFirst = received();
        reportFirst.chunkStored(0, Sha256.of(chunk(0)));
        end.accept(reportFirst);

        UploadSession endFirst = received();
        end.accept(endFirst);
        assertThat(endFirst.chunkStored(0, Sha256.of(chunk(0)))).as("an ended upload decides nothing").isEmpty();

        assertThat(endFirst.state()).isEqualTo(reportFirst.state()).matches(UploadState::isTerminal);
        assertThat(endFirst.stored(10)).isEqualTo(reportFirst.stored(10)).isEqualTo(List.of(0));
        assertThat(endFirst.data().storedCount()).isEqualTo(reportFirst.data().storedCount()).isEqualTo(1);
    }

    private UploadSession received() {
        UploadSession session = UploadSession.open(new UploadSpec("up-1", "t", file.length, CHUNK, null), 1_000,
                new InMemoryParkedChunks(), new InMemoryChunkEntries());
        for (int i = 0; i < 2; i++) session.receiveChunk(i, ChunkBytes.of(chunk(i)), Sha256.of(chunk(i)), 2_000, Long.MAX_VALUE);
        return session;
    }

    private byte[] chunk(int index) {
        return Arrays.copyOfRange(file, index * CHUNK, (index + 1) * CHUNK);
    }

    private static byte[] randomBytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
