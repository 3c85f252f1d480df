package io.sluice.projections;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * Where a view's consumer stands in each partition (the offset of the next record it will read),
 * and where each partition ended when the view started. Not thread-safe: the view guards it.
 */
final class Positions {

    private final List<TopicPartition> partitions;
    private final Map<TopicPartition, Long> initialEnd;
    private final Map<TopicPartition, Long> next = new HashMap<>();
    private boolean initialLoadDone;

    /** @param start where the view resumes in each partition; a partition not named starts at 0 */
    Positions(List<TopicPartition> partitions, Map<TopicPartition, Long> initialEnd, Map<TopicPartition, Long> start) {
        this.partitions = List.copyOf(partitions);
        this.initialEnd = Map.copyOf(initialEnd);
        partitions.forEach(partition -> next.put(partition, start.getOrDefault(partition, 0L)));
    }

    List<TopicPartition> partitions() {
        return partitions;
    }

    void update(Map<TopicPartition, Long> positions) {
        next.putAll(positions);
        if (!initialLoadDone) initialLoadDone = reached(initialEnd);
    }

    /** Whether every partition has been read up to (not including) its target offset. */
    boolean reached(Map<TopicPartition, Long> targets) {
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            Long position = next.get(target.getKey());
            if (position == null || position < target.getValue()) return false;
        }
        return true;
    }

    /** Stays true once the start-up end offsets were reached, whatever was written since. */
    boolean initialLoadDone() {
        return initialLoadDone;
    }

    String describeInitialLoad() {
        long behind = 0;
        for (TopicPartition partition : partitions) {
            behind += Math.max(0, initialEnd.getOrDefault(partition, 0L) - next.getOrDefault(partition, 0L));
        }
        return behind + " offsets behind the end it had at start";
    }
}
