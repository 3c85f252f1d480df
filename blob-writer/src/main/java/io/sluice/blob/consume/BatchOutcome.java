package io.sluice.blob.consume;

import org.apache.kafka.common.TopicPartition;

/**
 * What became of one partition's batch: the offset to commit (past the last record whose work is
 * acknowledged, with no gap before it), and the first record that failed, to be read again.
 *
 * @param committable the next offset to read after the done records, or -1 when none is done
 * @param failedOffset the offset to seek back to, or -1 when the whole batch is done
 * @param failure why {@code failedOffset} failed, or null
 */
public record BatchOutcome(TopicPartition partition, long committable, long failedOffset, Exception failure) {

    public boolean failed() {
        return failure != null;
    }
}
