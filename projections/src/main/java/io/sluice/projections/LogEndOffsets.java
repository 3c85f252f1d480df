package io.sluice.projections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Asks the broker where each partition's log ends now: the high watermark, the offset after the
 * last record written, committed or not. An admin client, because the view's consumer belongs to
 * its own thread and any thread may ask. Thread-safe.
 *
 * <p>Not the last stable offset: a transaction's commit returns to its producer before the commit
 * markers reach the partitions, so for a moment after a commit the last stable offset still stands
 * below the committed records. Everything committed before the question lies below the high
 * watermark.
 */
final class LogEndOffsets implements AutoCloseable {

    private final Admin admin;

    LogEndOffsets(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param deadline in {@link System#nanoTime()} terms
     * @return each partition's high watermark, or empty if the broker did not answer in time
     * @throws IllegalStateException if the broker answered with an error that retrying cannot fix
     */
    Optional<Map<TopicPartition, Long>> of(List<TopicPartition> partitions, long deadline)
            throws InterruptedException {
        long left = deadline - System.nanoTime();
        if (left <= 0) return Optional.empty();
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        ListOffsetsOptions options = new ListOffsetsOptions(IsolationLevel.READ_UNCOMMITTED)
                .timeoutMs((int) Math.max(1, Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(left))));
        try {
            Map<TopicPartition, ListOffsetsResultInfo> answer =
                    admin.listOffsets(request, options).all().get(left, TimeUnit.NANOSECONDS);
            Map<TopicPartition, Long> offsets = new HashMap<>();
            answer.forEach((partition, info) -> offsets.put(partition, info.offset()));
            return Optional.of(offsets);
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RetriableException) return Optional.empty(); // includes the client's timeout
            throw new IllegalStateException("cannot read the end offsets of " + partitions + ": " + e.getCause(),
                    e.getCause());
        }
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(5));
    }
}
