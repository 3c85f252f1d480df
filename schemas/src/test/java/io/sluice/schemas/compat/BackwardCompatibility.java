package io.sluice.schemas.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;

/**
 * The build's compatibility gate: every type of a released schema set must still exist in the
 * current set, and the current schema must read what the released one wrote (reader = current,
 * writer = released), which is what BACKWARD compatibility means.
 */
final class BackwardCompatibility {
    /** One type the current schemas can no longer read, and why. */
    record Problem(String type, String releasedVersion, String reason) {
        @Override
        public String toString() {
            return type + " cannot read data written with release " + releasedVersion + ": " + reason;
        }
    }

    private BackwardCompatibility() {}

    static List<Problem> check(
            String releasedVersion, Map<String, Schema> released, Map<String, Schema> current) {
        List<Problem> problems = new ArrayList<>();
        released.forEach((name, writer) -> {
            Schema reader = current.get(name);
            if (reader == null) {
                problems.add(new Problem(name, releasedVersion, "the type was removed"));
                return;
            }
            SchemaCompatibility.SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                for (Incompatibility i : result.getResult().getIncompatibilities()) {
                    problems.add(new Problem(name, releasedVersion,
                            i.getType() + " at " + i.getLocation() + ": " + i.getMessage()));
                }
            }
        });
        return problems;
    }
}
