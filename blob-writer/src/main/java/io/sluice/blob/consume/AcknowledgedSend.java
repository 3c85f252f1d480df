package io.sluice.blob.consume;

import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/** A producer send as a {@link CompletableFuture} that completes when the broker acknowledges the record. */
public final class AcknowledgedSend {

    private AcknowledgedSend() {}

    public static <K, V> CompletableFuture<RecordMetadata> send(Producer<K, V> producer, ProducerRecord<K, V> record) {
        CompletableFuture<RecordMetadata> acknowledged = new CompletableFuture<>();
        producer.send(record, (metadata, failure) -> {
            if (failure != null) {
                acknowledged.completeExceptionally(failure);
            } else {
                acknowledged.complete(metadata);
            }
        });
        return acknowledged;
    }
}
