package io.sluice.ingest.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChunkSendOrderTest {

    @Test
    void shouldLetAChunkGoOnlyAfterTheLowerChunksUnderWay() throws Exception {
        ChunkSendOrder order = new ChunkSendOrder(Duration.ofSeconds(10));
        List<Integer> sent = new CopyOnWriteArrayList<>();
        ChunkSendOrder.Slot first = order.enter("up_a", 0);
        ChunkSendOrder.Slot second = order.enter("up_a", 1);
        CompletableFuture<Void> secondSends = CompletableFuture.runAsync(() -> {
            try {
                second.awaitTurn();
                sent.add(1);
                second.close();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(secondSends).isNotDone(); // chunk 1's body is in, chunk 0's is not: it waits
        first.awaitTurn(); // nothing below chunk 0
        sent.add(0);
        first.close();
        secondSends.get(5, TimeUnit.SECONDS);
        assertThat(sent).containsExactly(0, 1);
        assertThat(order.uploadsUnderWay()).isZero();
    }

    @Test
    void shouldNotWaitForOtherUploadsOrHigherChunks() throws Exception {
        ChunkSendOrder order = new ChunkSendOrder(Duration.ofSeconds(10));
        try (ChunkSendOrder.Slot otherUpload = order.enter("up_b", 0);
                ChunkSendOrder.Slot higher = order.enter("up_a", 7);
                ChunkSendOrder.Slot chunk = order.enter("up_a", 3)) {
            long started = System.nanoTime();
            chunk.awaitTurn();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void shouldGoAnywayWhenTheLowerChunkTakesLongerThanTheWait() throws Exception {
        ChunkSendOrder order = new ChunkSendOrder(Duration.ofMillis(100));
        try (ChunkSendOrder.Slot slowClient = order.enter("up_a", 0); ChunkSendOrder.Slot next = order.enter("up_a", 1)) {
            long started = System.nanoTime();
            next.awaitTurn();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(90), Duration.ofSeconds(5));
        }
    }
}
