package io.sluice.testkit;

/** {@link SchemaRegistryServer} as a plain URL. */
record RegistryUrl(String url) implements SchemaRegistryServer {
}
