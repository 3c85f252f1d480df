package io.sluice.blob.consume;

import io.sluice.schemas.deadletters.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Records of one partition, processed in offset order on one virtual thread.
 * Every record is started in turn; then every acknowledgement is awaited, and the outcome says how far
 * the partition is done and where it failed. Records that can never be processed go to the dead-letter
 * topic and count as done, so a poison record never stalls its partition (contract I4).
 */
final class PartitionBatch<V> implements Callable<BatchOutcome> {

    private final TopicPartition partition;
    private final List<ConsumerRecord<byte[], Decoded<V>>> records;
    private final RecordProcessor<V> processor;
    private final DeadLetterWriter deadLetters;
    private final Serializer<V> encoder;
    private final BooleanSupplier stopping;

    PartitionBatch(TopicPartition partition, List<ConsumerRecord<byte[], Decoded<V>>> records,
            RecordProcessor<V> processor, DeadLetterWriter deadLetters, Serializer<V> encoder, BooleanSupplier stopping) {
        this.partition = partition;
        this.records = records;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.encoder = encoder;
        this.stopping = stopping;
    }

    @Override
    public BatchOutcome call() {
        List<ConsumerRecord<byte[], Decoded<V>>> started = new ArrayList<>(records.size());
        List<CompletableFuture<?>> acknowledgements = new ArrayList<>(records.size());
        long failedOffset = -1;
        Exception failure = null;
        for (ConsumerRecord<byte[], Decoded<V>> record : records) {
            if (stopping.getAsBoolean()) break; // the rest is read again by the partition's next owner
            try {
                acknowledgements.add(start(record));
                started.add(record);
            } catch (Exception e) {
                failedOffset = record.offset();
                failure = e;
                break;
            }
        }
        long committable = -1;
        for (int i = 0; i < started.size(); i++) {
            try {
                awaitOrSetAside(started.get(i), acknowledgements.get(i));
                committable = started.get(i).offset() + 1;
            } catch (ExecutionException e) {
                failedOffset = started.get(i).offset();
                failure = e.getCause() instanceof Exception cause ? cause : e;
                break;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failedOffset = started.get(i).offset();
                failure = e;
                break;
            }
        }
        return new BatchOutcome(partition, committable, failedOffset, failure);
    }

    /**
     * Waits for a record's work; a record its processor found unprocessable, at once or once under
     * way (processors may run the work asynchronously), is set aside here.
     */
    private void awaitOrSetAside(ConsumerRecord<byte[], Decoded<V>> record, CompletableFuture<?> work)
            throws ExecutionException, InterruptedException {
        try {
            work.get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof UnprocessableRecordException unprocessable)
                    || !(record.value() instanceof Decoded.Event<V> event)) throw e;
            deadLetters.send(record, encoder.serialize(record.topic(), event.value()), unprocessable.reason(),
                    unprocessable.getMessage()).get();
        }
    }

    private CompletableFuture<?> start(ConsumerRecord<byte[], Decoded<V>> record) throws Exception {
        return switch (record.value()) {
            case null -> CompletableFuture.completedFuture(null); // a tombstone asks for nothing
            case Decoded.Undecodable<V> poison -> deadLetters.send(record, poison.rawValue(),
                    DeadLetters.reasonFor(poison.problem()), poison.problem().getMessage());
            case Decoded.Event<V> event -> {
                try {
                    yield processor.process(record, event.value());
                } catch (UnprocessableRecordException e) {
                    yield CompletableFuture.failedFuture(e); // set aside by awaitOrSetAside, in order
                }
            }
        };
    }
}
