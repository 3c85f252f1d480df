/**
 * The upload state machine, in plain Java: no Kafka, no Avro, no I/O beyond the two small ports
 * it is handed ({@link io.sluice.session.domain.ParkedChunks} for chunks ahead of the hash
 * frontier). The Streams topology maps events to these commands and the resulting
 * {@link io.sluice.session.domain.UploadEvent}s back to Avro; the tests drive it directly.
 */
package io.sluice.session.domain;
