package io.sluice.schemas.registry;

import java.util.Optional;
import org.apache.avro.Schema;

/**
 * What the serdes need from a schema registry. {@link SchemaRegistryClient} is the real one;
 * {@link InMemorySchemaRegistry} stands in where no server runs (unit tests, TopologyTestDriver).
 */
public interface SchemaRegistry {
    /** Registers the schema under the subject (or finds it there) and returns its global id. */
    int register(String subject, Schema schema);

    /** Finds the schema under the subject; empty when it is not registered there. */
    Optional<RegisteredSchema> lookup(String subject, Schema schema);

    /**
     * The schema with this global id.
     *
     * @throws SchemaRegistryException with {@link SchemaRegistryException#isNotFound()} for an
     *     unknown id, or {@link SchemaRegistryException#isTransient()} when the registry is unreachable
     */
    Schema schemaById(int id);
}
