package io.sluice.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * A registry held in memory, for tests that need the serdes but no server (unit tests,
 * TopologyTestDriver). Like Confluent's, it gives one global id per distinct schema and versions
 * per subject. It checks no compatibility: the real registry and the build's compatibility test
 * do that. Thread-safe.
 */
public final class InMemorySchemaRegistry implements SchemaRegistry {
    private final Map<String, Integer> idsBySchemaText = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> idsBySubject = new HashMap<>();

    @Override
    public synchronized int register(String subject, Schema schema) {
        String text = schema.toString();
        Integer id = idsBySchemaText.get(text);
        if (id == null) {
            schemasById.add(schema);
            id = schemasById.size(); // ids start at 1, as in the real registries
            idsBySchemaText.put(text, id);
        }
        List<Integer> versions = idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized Optional<RegisteredSchema> lookup(String subject, Schema schema) {
        Integer id = idsBySchemaText.get(schema.toString());
        List<Integer> versions = idsBySubject.getOrDefault(subject, List.of());
        if (id == null || !versions.contains(id)) {
            return Optional.empty();
        }
        return Optional.of(new RegisteredSchema(subject, id, versions.indexOf(id) + 1));
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaRegistryException("schema " + id + " not found", 404,
                    SchemaRegistryException.SCHEMA_NOT_FOUND);
        }
        return schemasById.get(id - 1);
    }

    /** Every subject registered so far. */
    public synchronized List<String> subjects() {
        return List.copyOf(idsBySubject.keySet());
    }
}
