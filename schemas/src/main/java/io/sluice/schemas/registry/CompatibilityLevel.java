package io.sluice.schemas.registry;

/** The compatibility levels of the Confluent Schema Registry API, spelled as on the wire. */
public enum CompatibilityLevel {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE
}
