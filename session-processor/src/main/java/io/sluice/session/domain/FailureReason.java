package io.sluice.session.domain;

/** Why an upload became FAILED. Mirrors the Avro enum. */
public enum FailureReason {
    SIZE_MISMATCH,
    CHECKSUM_MISMATCH
}
