package io.sluice.schemas.deadletters;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * The record being set aside, as it was read: where it came from, its key and value bytes and its
 * headers.
 *
 * @param timestamp the record's timestamp in epoch milliseconds; negative when it has none
 * @param key the key bytes, or null
 * @param value the value bytes, or null
 */
public record OriginalRecord(String topic, int partition, long offset, long timestamp, byte[] key, byte[] value,
        Headers headers) {

    /** A consumed record with undecoded key and value. */
    public static OriginalRecord of(ConsumerRecord<byte[], byte[]> record) {
        return of(record, record.value());
    }

    /**
     * A consumed record whose value was decoded (or never was): its bytes come separately, as the
     * original ones or as the decoded event encoded again.
     */
    public static OriginalRecord of(ConsumerRecord<byte[], ?> record, byte[] value) {
        return new OriginalRecord(record.topic(), record.partition(), record.offset(), record.timestamp(),
                record.key(), value, record.headers());
    }
}
