package io.sluice.testkit;

/** A running schema registry that speaks the Confluent Schema Registry REST API. */
public interface SchemaRegistryServer {

    /** Confluent-compatible base URL without a trailing slash, e.g. http://localhost:PORT/apis/ccompat/v7 */
    String url();
}
