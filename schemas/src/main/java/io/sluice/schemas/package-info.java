/**
 * Sluice's event contract: the Avro schemas (generated into {@code io.sluice.events}), the topic
 * catalogue, the Confluent-wire-format serdes and the schema registry client.
 *
 * <h2>One envelope per topic</h2>
 *
 * All requests of an upload must be consumed in the order they were made, and Kafka orders
 * records only within one partition of one topic. So the different request events share one
 * topic, and that topic's value is an envelope whose only field is a union of them:
 *
 * <pre>
 * sluice.upload-requests   UploadRequest  { payload: UploadOpened | ChunkReceived | FinishRequested
 *                                                    | AbortRequested | ExpiryRequested }
 * sluice.upload-decisions  UploadDecision { payload: UploadAccepted | UploadRejected | ChunkAccepted
 *                                                    | ChunkRejected | FinishRejected | AbortRejected
 *                                                    | UploadVerified | UploadFailed | UploadAborted
 *                                                    | UploadExpired }
 * sluice.blob-events       BlobEvent      { payload: ChunkStored | AssetStored }
 * </pre>
 *
 * The alternative, several record types under one subject (RecordNameStrategy), would leave the
 * topic without one schema to check compatibility against and the serdes untyped. With envelopes
 * every topic has exactly one value schema and one subject ({@code <topic>-value}), the serdes are
 * typed ({@code Serde<UploadRequest>}), and Java 21 pattern matching reads them:
 * {@code switch (request.getPayload()) { case ChunkReceived c -> ...; ... }}. Adding an event type
 * later means adding a branch to the union, which is a BACKWARD-compatible change.
 *
 * <h2>Evolution rules</h2>
 *
 * Subjects are BACKWARD compatible: a new schema must read everything written with the old ones,
 * so consumers are upgraded before producers. New fields need a default; optional fields are
 * {@code ["null", T]} with default {@code null}. A build-time test compares every schema with the
 * released versions kept under {@code src/test/resources/released/}.
 *
 * <p>Every event carries {@code eventId} (a UUID), {@code uploadId} (also the record key),
 * {@code tenant} and {@code timestamp} (timestamp-millis, read as {@link java.time.Instant} with
 * millisecond precision). Decisions and later events carry {@code causationId}, the eventId of
 * what caused them.
 */
package io.sluice.schemas;
