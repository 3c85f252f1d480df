package io.sluice.ingest.tus.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.uploads.ChunkMemoryBudget;
import io.sluice.upload.ChunkGrid;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkCutterTest {

    private static final int CHUNK = 1000;
    private final ChunkGrid grid = ChunkGrid.of(3500, CHUNK);
    private final byte[] file = bytes(3500, 1);
    private final ChunkMemoryBudget budget = new ChunkMemoryBudget(10 * CHUNK, Duration.ofMillis(100));
    private final ChunkCutter cutter = new ChunkCutter(budget);
    private final Map<Integer, byte[]> sent = new LinkedHashMap<>();
    private final ChunkCutter.ChunkSink sink = (index, chunk) -> {
        sent.put(index, chunk.clone());
        return () -> { };
    };

    @Test
    void shouldSendEveryWholeChunkOfTheStreamInOrderAndDropTheTail() throws Exception {
        ChunkCutter.Cut cut = cutter.cut(grid, 1, slice(1000, 2300), sink);

        assertThat(sent.keySet()).containsExactly(1, 2);
        assertThat(sent.get(1)).isEqualTo(Arrays.copyOfRange(file, 1000, 2000));
        assertThat(sent.get(2)).isEqualTo(Arrays.copyOfRange(file, 2000, 3000));
        assertThat(cut.chunks()).isEqualTo(2);
        assertThat(cut.bytesRead()).isEqualTo(2300);
        assertThat(budget.reservedBytes()).as("every chunk's memory given back").isZero();
    }

    @Test
    void shouldSendTheShortLastChunkWhenTheStreamEndsTheUpload() throws Exception {
        ChunkCutter.Cut cut = cutter.cut(grid, 0, new ByteArrayInputStream(file), sink);

        assertThat(sent.keySet()).containsExactly(0, 1, 2, 3);
        assertThat(sent.get(3)).isEqualTo(Arrays.copyOfRange(file, 3000, 3500));
        assertThat(cut.chunks()).isEqualTo(4);
    }

    @Test
    void shouldRefuseAStreamThatGoesOnPastTheUpload() {
        byte[] longer = Arrays.copyOf(file, 3501);

        assertThatThrownBy(() -> cutter.cut(grid, 0, new ByteArrayInputStream(longer), sink))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.INVALID_REQUEST));
    }

    @Test
    void shouldKeepTheChunksSentBeforeTheStreamBrokeOff() {
        InputStream breaking = new InputStream() {
            private final InputStream first = slice(0, 2500);

            @Override
            public int read() throws IOException {
                int b = first.read();
                if (b < 0) throw new IOException("connection reset");
                return b;
            }
        };

        assertThatThrownBy(() -> cutter.cut(grid, 0, breaking, sink)).isInstanceOf(IOException.class);
        assertThat(sent.keySet()).containsExactly(0, 1);
        assertThat(budget.reservedBytes()).isZero();
    }

    @Test
    void shouldSendNothingOfAStreamWhoseChecksumDoesNotMatch() throws Exception {
        byte[] body = Arrays.copyOfRange(file, 0, 2500);
        UploadChecksum wrong = checksum("sha256", Arrays.copyOf(body, 2499));

        assertThatThrownBy(() -> cutter.cutChecked(grid, 0, new ByteArrayInputStream(body), wrong, 10_000, sink))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.code()).isEqualTo(ProblemCode.UPLOAD_CHECKSUM_MISMATCH));
        assertThat(sent).isEmpty();
        assertThat(budget.reservedBytes()).isZero();

        ChunkCutter.Cut cut = cutter.cutChecked(grid, 0, new ByteArrayInputStream(body), checksum("sha1", body), 10_000, sink);
        assertThat(cut.chunks()).isEqualTo(2);
        assertThat(sent.keySet()).containsExactly(0, 1);
    }

    @Test
    void shouldRefuseAChecksummedStreamLongerThanItMayHold() {
        assertThatThrownBy(() -> cutter.cutChecked(grid, 0, new ByteArrayInputStream(file), checksum("sha256", file),
                2000, sink))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ProblemCode.CHUNK_TOO_LARGE));
        assertThat(sent).isEmpty();
        assertThat(budget.reservedBytes()).isZero();
    }

    @Test
    void shouldWaitForEachAcknowledgementBeforeTheChunkAfterNext() throws Exception {
        int[] unacknowledged = {0};
        int[] mostUnacknowledged = {0};
        ChunkCutter.ChunkSink counting = (index, chunk) -> {
            mostUnacknowledged[0] = Math.max(mostUnacknowledged[0], ++unacknowledged[0]);
            RequestPublisher.Pending ack = () -> unacknowledged[0]--;
            return ack;
        };

        cutter.cut(grid, 0, new ByteArrayInputStream(file), counting);

        assertThat(mostUnacknowledged[0]).as("chunks in flight at once: the heap holds two at most").isEqualTo(2);
        assertThat(unacknowledged[0]).isZero();
    }

    private InputStream slice(int from, int length) {
        return new ByteArrayInputStream(file, from, length);
    }

    private static UploadChecksum checksum(String algorithm, byte[] body) throws Exception {
        String name = algorithm.equals("sha1") ? "SHA-1" : "SHA-256";
        String header = algorithm + " " + Base64.getEncoder().encodeToString(MessageDigest.getInstance(name).digest(body));
        return UploadChecksum.parse(header).orElseThrow();
    }

    private static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }
}
