package io.sluice.blob.consume;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** The work done for one decoded record of a {@link PartitionedConsumerLoop}. */
@FunctionalInterface
public interface RecordProcessor<V> {

    /**
     * Does the record's work on the calling (virtual) thread and returns a future that completes
     * when its output is acknowledged; the record's offset is committed only after that.
     *
     * @throws UnprocessableRecordException to set the record aside on the dead-letter topic
     * @throws Exception anything else: the record and those after it are tried again after a pause
     */
    CompletableFuture<?> process(ConsumerRecord<byte[], Decoded<V>> record, V value) throws Exception;
}
