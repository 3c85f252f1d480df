package io.sluice.blob.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.testkit.Await;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PerKeyOrderTest {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final PerKeyOrder order = new PerKeyOrder(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void shouldRunTheWorkOfOneKeyInOrder() throws Exception {
        List<Integer> done = new CopyOnWriteArrayList<>();
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> first = order.submit("a", () -> {
            firstMayEnd.await();
            done.add(1);
        });
        CompletableFuture<Void> second = order.submit("a", () -> done.add(2));
        assertThat(second).isNotDone();
        firstMayEnd.countDown();
        CompletableFuture.allOf(first, second).get(5, TimeUnit.SECONDS);
        assertThat(done).containsExactly(1, 2);
    }

    @Test
    void shouldRunTheWorkOfOtherKeysMeanwhile() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CompletableFuture<Void> slow = order.submit("a", blocked::await);
        order.submit("b", () -> { }).get(5, TimeUnit.SECONDS); // not held up by "a"
        assertThat(slow).isNotDone();
        blocked.countDown();
        slow.get(5, TimeUnit.SECONDS);
        // A key is let go by a callback that may run a moment after get() returns.
        Await.until(Duration.ofSeconds(5), () -> order.keysUnderWay() == 0, "no key under way");
    }

    @Test
    void shouldRunWorkAfterAFailedPredecessorOnItsOwn() throws Exception {
        CountDownLatch failMayEnd = new CountDownLatch(1);
        CompletableFuture<Void> failing = order.submit("a", () -> {
            failMayEnd.await();
            throw new java.io.IOException("store unreachable");
        });
        List<String> ran = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> next = order.submit("a", () -> ran.add("next"));
        assertThat(next).isNotDone();
        failMayEnd.countDown();
        assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(java.io.IOException.class);
        next.get(5, TimeUnit.SECONDS);
        assertThat(ran).containsExactly("next");
    }
}
