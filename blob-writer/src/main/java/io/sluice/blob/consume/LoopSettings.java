package io.sluice.blob.consume;

/**
 * How a {@link PartitionedConsumerLoop} reads its topic.
 *
 * @param name short name for threads and logs, e.g. {@code chunks}
 * @param maxInFlightBytes record bytes queued or under way at which no partition is fetched any more
 *     (contract I7: records can carry 16 MiB chunks); a poll may pass it by up to {@code max.poll.records}
 *     records
 */
public record LoopSettings(String name, String topic, long maxInFlightBytes, RetryBackoff backoff) {}
