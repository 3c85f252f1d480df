package io.sluice.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.UploadOpened;
import io.sluice.schemas.compat.SchemaSet;
import io.sluice.schemas.registry.CompatibilityLevel;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.registry.SchemaRegistryException;
import io.sluice.schemas.topics.TopicSpec;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The compatibility gate again, judged by the real registry: a subject holding the released schema
 * at BACKWARD accepts the current schema and refuses a breaking one.
 */
@RealServers
class RegistryCompatibilityIntegrationTest {
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void connect(SchemaRegistryServer server) {
        registry = SchemaRegistryClient.of(server.url());
    }

    @Test
    void shouldFindEveryTopicValueSchemaBackwardCompatibleWithEveryRelease() {
        for (Path release : SchemaSet.releases()) {
            Map<String, Schema> released = SchemaSet.parse(release);
            for (TopicSpec<?, ?> topic : Topics.all()) {
                Schema current = topic.valueSchema().orElseThrow();
                Schema before = released.get(current.getFullName());
                if (before == null) continue; // a topic new since that release: nothing to be compatible with
                String subject = subjectHolding(before);

                assertThat(registry.isCompatible(subject, current))
                        .as(topic.name() + " against release " + release.getFileName()).isTrue();
            }
        }
    }

    @Test
    void shouldRefuseANewRequiredFieldWithoutADefault() {
        String subject = subjectHolding(UploadOpened.getClassSchema());
        Schema breaking = withRequiredField(UploadOpened.getClassSchema(), "region");

        assertThat(registry.isCompatible(subject, breaking)).isFalse();
        assertThatThrownBy(() -> registry.register(subject, breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409));
    }

    @Test
    void shouldAcceptAnySchemaForASubjectWithoutVersions() {
        assertThat(registry.isCompatible("it.compat.empty." + UUID.randomUUID() + "-value",
                UploadOpened.getClassSchema())).isTrue();
    }

    private static String subjectHolding(Schema released) {
        String subject = "it.compat." + released.getName() + "." + UUID.randomUUID() + "-value";
        registry.register(subject, released);
        registry.setCompatibility(subject, CompatibilityLevel.BACKWARD);
        return subject;
    }

    private static Schema withRequiredField(Schema record, String name) {
        List<Schema.Field> fields = new ArrayList<>();
        record.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(new Schema.Field(name, Schema.create(Schema.Type.STRING), "no default", null));
        return Schema.createRecord(record.getName(), record.getDoc(), record.getNamespace(), false, fields);
    }
}
