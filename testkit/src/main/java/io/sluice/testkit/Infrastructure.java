package io.sluice.testkit;

/**
 * The servers a test needs. Each server starts on its first request and is shared from then on;
 * {@link #close()} stops the ones that were started. Instances handed out by
 * {@link RealServersExtension} belong to the extension, which closes them when the JVM's test
 * run ends: tests must not close them.
 */
public interface Infrastructure extends AutoCloseable {

    KafkaServer kafka();

    SchemaRegistryServer registry();

    S3Server s3();

    /** Stops the servers that were started, in reverse order; no checked exception, for try-with-resources. */
    @Override
    void close();
}
