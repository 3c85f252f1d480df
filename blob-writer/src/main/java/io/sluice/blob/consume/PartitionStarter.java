package io.sluice.blob.consume;

import io.sluice.schemas.deadletters.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Starts records of one partition in offset order, on one virtual thread, without waiting for their
 * work: processors run it asynchronously, so the loop tracks each record's completion and the next
 * records start as soon as they arrive. A record that can never be processed is set aside on the
 * dead-letter topic and counts as done, so a poison record never stalls its partition (contract I4).
 * A record whose start fails (an infrastructure failure) ends the start: it and every record after it
 * are read again.
 */
final class PartitionStarter<V> implements Callable<PartitionStarter.Started> {

    /**
     * What was started, in order, and where starting failed.
     *
     * @param failedOffset the record whose start failed, or -1
     * @param failure why, or null
     */
    record Started(List<StartedRecord> records, long failedOffset, Exception failure) {}

    private final List<ConsumerRecord<byte[], Decoded<V>>> records;
    private final RecordProcessor<V> processor;
    private final DeadLetterWriter deadLetters;
    private final Serializer<V> encoder;
    private final Executor setAside;
    private final BooleanSupplier stopping;

    /** @param setAside sends dead letters: off the thread that completed a record's work (maybe a client's I/O thread) */
    PartitionStarter(List<ConsumerRecord<byte[], Decoded<V>>> records, RecordProcessor<V> processor,
            DeadLetterWriter deadLetters, Serializer<V> encoder, Executor setAside, BooleanSupplier stopping) {
        this.records = records;
        this.processor = processor;
        this.deadLetters = deadLetters;
        this.encoder = encoder;
        this.setAside = setAside;
        this.stopping = stopping;
    }

    @Override
    public Started call() {
        List<StartedRecord> started = new ArrayList<>(records.size());
        for (ConsumerRecord<byte[], Decoded<V>> record : records) {
            if (stopping.getAsBoolean()) break; // the rest is read again by the partition's next owner
            try {
                started.add(new StartedRecord(record.offset(), sizeOf(record), setAsideIfUnprocessable(record, start(record))));
            } catch (Exception e) {
                return new Started(started, record.offset(), e);
            }
        }
        return new Started(started, -1, null);
    }

    static long sizeOf(ConsumerRecord<byte[], ?> record) {
        return Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
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
                    yield CompletableFuture.failedFuture(e); // set aside below, like one found under way
                }
            }
        };
    }

    /** A record its processor found unprocessable, at once or once under way, goes to the dead-letter topic. */
    private CompletableFuture<?> setAsideIfUnprocessable(ConsumerRecord<byte[], Decoded<V>> record,
            CompletableFuture<?> work) {
        return work.<Object>thenApply(Object.class::cast).exceptionallyComposeAsync(failure -> {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            if (cause instanceof UnprocessableRecordException unprocessable
                    && record.value() instanceof Decoded.Event<V> event) {
                return deadLetters.send(record, encoder.serialize(record.topic(), event.value()), unprocessable.reason(),
                        unprocessable.getMessage()).thenApply(Object.class::cast);
            }
            return CompletableFuture.failedFuture(cause);
        }, setAside);
    }
}
