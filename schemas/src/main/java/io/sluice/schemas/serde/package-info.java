/**
 * Kafka serdes for the generated Avro records in the Confluent wire format (magic byte 0, 4-byte
 * big-endian schema id, Avro binary), backed by the schema registry.
 */
package io.sluice.schemas.serde;
