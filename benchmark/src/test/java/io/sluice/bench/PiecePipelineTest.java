package io.sluice.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PiecePipelineTest {

    private static final int PIECE = 64 * 1024;

    @Test
    void shouldSendEveryPieceOnceAndHashTheWholeFileInOrder() throws Exception {
        GeneratedFile file = new GeneratedFile("f", 10L * PIECE + 100, 5);
        Map<Integer, String> sent = new ConcurrentHashMap<>();

        String sha256 = PiecePipeline.sendHashing(file, PIECE, 3,
                (index, bytes, length) -> sent.put(index, hex(bytes, length)));

        assertThat(sent).hasSize(11);
        MessageDigest whole = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[PIECE];
        for (int i = 0; i < 11; i++) {
            int length = file.fillPiece(i, PIECE, buffer);
            assertThat(sent.get(i)).as("piece %d", i).isEqualTo(hex(buffer, length));
            whole.update(buffer, 0, length);
        }
        assertThat(sha256).isEqualTo(HexFormat.of().formatHex(whole.digest()));
    }

    @Test
    void shouldKeepNoMoreThanTheStreamsInFlight() throws Exception {
        GeneratedFile file = new GeneratedFile("f", 40L * PIECE, 6);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        CountDownLatch fourStarted = new CountDownLatch(4);

        PiecePipeline.send(file, PIECE, 4, (index, bytes, length) -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            fourStarted.countDown();
            fourStarted.await(10, TimeUnit.SECONDS); // the first four overlap for certain
            inFlight.decrementAndGet();
        });

        assertThat(mostInFlight.get()).isEqualTo(4);
    }

    @Test
    void shouldReportAFailedSend() {
        GeneratedFile file = new GeneratedFile("f", 8L * PIECE, 7);

        assertThatThrownBy(() -> PiecePipeline.send(file, PIECE, 2, (index, bytes, length) -> {
            if (index == 3) throw new BenchFailure("chunk 3 refused");
        })).isInstanceOf(BenchFailure.class).hasMessage("chunk 3 refused");
    }

    private static String hex(byte[] bytes, int length) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(bytes, 0, length);
        return HexFormat.of().formatHex(digest.digest());
    }
}
