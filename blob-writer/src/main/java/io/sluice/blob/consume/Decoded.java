package io.sluice.blob.consume;

import io.sluice.schemas.serde.UndecodableRecordException;

/**
 * A consumed value: the decoded event, or the raw bytes of a record that can never be decoded (a
 * poison record), kept so that it can be set aside on the dead-letter topic instead of stalling its
 * partition.
 */
public sealed interface Decoded<V> {

    record Event<V>(V value) implements Decoded<V> {}

    record Undecodable<V>(byte[] rawValue, UndecodableRecordException problem) implements Decoded<V> {}
}
