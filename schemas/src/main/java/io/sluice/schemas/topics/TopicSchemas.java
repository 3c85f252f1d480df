package io.sluice.schemas.topics;

import io.sluice.schemas.registry.CompatibilityLevel;
import io.sluice.schemas.registry.SchemaRegistryClient;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registers the catalogue's schemas up front: for deployments whose serializers only look schemas
 * up, and for a registry that forgot them (Apicurio with in-memory storage loses everything on a
 * restart; registering again in the same order gives the same ids back).
 */
public final class TopicSchemas {
    private TopicSchemas() {}

    /**
     * Registers every Avro value schema of {@link Topics#all()} under its subject, in catalogue
     * order, and sets each subject to BACKWARD compatibility (consumers upgrade before producers).
     *
     * @return the schema id per subject
     */
    public static Map<String, Integer> registerAll(SchemaRegistryClient registry) {
        Map<String, Integer> ids = new LinkedHashMap<>();
        for (TopicSpec<?, ?> topic : Topics.all()) {
            topic.valueSchema().ifPresent(schema -> {
                // Register first: some registries (Apicurio) refuse config for a subject that does not exist.
                ids.put(topic.valueSubject(), registry.register(topic.valueSubject(), schema));
                registry.setCompatibility(topic.valueSubject(), CompatibilityLevel.BACKWARD);
            });
        }
        return ids;
    }
}
