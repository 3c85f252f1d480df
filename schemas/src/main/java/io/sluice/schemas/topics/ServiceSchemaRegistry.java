package io.sluice.schemas.topics;

import io.sluice.schemas.registry.RegisteredSchema;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;

/**
 * The registry as a service uses it outside development: the catalogue's subjects — the contract
 * other producers and consumers read — are only looked up, never registered or evolved by a service;
 * they are registered before the services start ({@link TopicSchemas#registerAll}, run by
 * {@code ./sluice up} and compose's {@code stack-init}). A service still registers the subjects of
 * its own internal topics (repartition and changelog topics named after its application id), which
 * no one else writes or reads.
 */
public final class ServiceSchemaRegistry implements SchemaRegistry {

    private static final Set<String> CATALOGUE_SUBJECTS = Topics.all().stream()
            .filter(topic -> topic.valueSchema().isPresent())
            .map(TopicSpec::valueSubject)
            .collect(Collectors.toUnmodifiableSet());

    private final SchemaRegistry registry;

    private ServiceSchemaRegistry(SchemaRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param autoRegister true in development: the service registers every schema it writes itself
     * @return {@code registry} itself when {@code autoRegister}, else the catalogue-lookup-only view of it
     */
    public static SchemaRegistry of(SchemaRegistry registry, boolean autoRegister) {
        return autoRegister ? registry : new ServiceSchemaRegistry(registry);
    }

    @Override
    public int register(String subject, Schema schema) {
        if (!CATALOGUE_SUBJECTS.contains(subject)) return registry.register(subject, schema);
        return registry.lookup(subject, schema).map(RegisteredSchema::id).orElseThrow(() -> new SchemaRegistryException(
                "schema " + schema.getFullName() + " is not registered under " + subject + ": register the catalogue "
                        + "before the services start (./sluice up and compose's stack-init do), or set "
                        + "SLUICE_SCHEMA_AUTO_REGISTER=true in development", 404, SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Override
    public Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        return registry.lookup(subject, schema);
    }

    @Override
    public Schema schemaById(int id) {
        return registry.schemaById(id);
    }
}
