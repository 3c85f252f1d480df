package io.sluice.stack.replay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The earliest and the end offset of every partition of some topics, as read once: what a replay
 * starts from and has to reach. Offsets count records plus the transaction markers of transactional
 * producers, so "records" below are offsets, slightly more than the records a consumer sees.
 */
public record InputOffsets(Map<TopicPartition, Long> earliest, Map<TopicPartition, Long> end) {

    public InputOffsets {
        earliest = Map.copyOf(earliest);
        end = Map.copyOf(end);
    }

    public static InputOffsets read(Admin admin, List<String> topics) throws ExecutionException, InterruptedException {
        Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
        List<TopicPartition> partitions = descriptions.values().stream()
                .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                .toList();
        return new InputOffsets(offsets(admin, partitions, OffsetSpec.earliest()),
                offsets(admin, partitions, OffsetSpec.latest()));
    }

    private static Map<TopicPartition, Long> offsets(Admin admin, List<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException {
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> infos = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec))).all().get();
        Map<TopicPartition, Long> offsets = new TreeMap<>(InputOffsets::compare);
        infos.forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    /** Records between the earliest and the end offset, over every partition. */
    public long total() {
        return earliest.keySet().stream().mapToLong(p -> end.get(p) - earliest.get(p)).sum();
    }

    /**
     * Records up to the given committed offsets, each counted from the earliest and at most up to the
     * end read here (records appended since are live traffic, not replay).
     */
    public long consumed(Map<TopicPartition, Long> committed) {
        long sum = 0;
        for (TopicPartition partition : earliest.keySet()) {
            long position = committed.getOrDefault(partition, earliest.get(partition));
            sum += Math.max(0, Math.min(position, end.get(partition)) - earliest.get(partition));
        }
        return sum;
    }

    /** Whether every partition's committed offset has reached the end read here. */
    public boolean reached(Map<TopicPartition, Long> committed) {
        return earliest.keySet().stream().allMatch(p -> committed.getOrDefault(p, -1L) >= end.get(p)
                || end.get(p).equals(earliest.get(p)));
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}
