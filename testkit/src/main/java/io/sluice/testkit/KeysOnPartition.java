package io.sluice.testkit;

import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;

/** Keys a test chooses for the partition the producer's default partitioner puts them on. */
public final class KeysOnPartition {

    private KeysOnPartition() {}

    /** The partition of {@code key} among {@code partitions}, as the default partitioner picks it. */
    public static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /** The first of {@code candidates} that lands on {@code partition} among {@code partitions}. */
    public static String keyOn(int partition, int partitions, Supplier<String> candidates) {
        while (true) {
            String candidate = candidates.get();
            if (partitionOf(candidate, partitions) == partition) return candidate;
        }
    }
}
