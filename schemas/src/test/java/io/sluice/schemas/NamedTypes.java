package io.sluice.schemas;

import java.util.Set;
import org.apache.avro.Schema;

/** Walks a schema and collects the full names of every named type (record, enum, fixed) in it. */
final class NamedTypes {
    private NamedTypes() {}

    static void collect(Schema schema, Set<String> names) {
        switch (schema.getType()) {
            case RECORD -> {
                if (names.add(schema.getFullName())) {
                    schema.getFields().forEach(f -> collect(f.schema(), names));
                }
            }
            case ENUM, FIXED -> names.add(schema.getFullName());
            case ARRAY -> collect(schema.getElementType(), names);
            case MAP -> collect(schema.getValueType(), names);
            case UNION -> schema.getTypes().forEach(t -> collect(t, names));
            default -> { }
        }
    }
}
