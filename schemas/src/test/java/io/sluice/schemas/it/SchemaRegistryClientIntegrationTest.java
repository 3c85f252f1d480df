package io.sluice.schemas.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.events.ChunkStored;
import io.sluice.events.UploadRequest;
import io.sluice.schemas.registry.CompatibilityLevel;
import io.sluice.schemas.registry.RegisteredSchema;
import io.sluice.schemas.registry.SchemaRegistryClient;
import io.sluice.schemas.registry.SchemaRegistryException;
import io.sluice.testkit.RealServers;
import io.sluice.testkit.SchemaRegistryServer;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry client against the real registry's Confluent API. */
@RealServers
class SchemaRegistryClientIntegrationTest {
    private static SchemaRegistryClient registry;

    @BeforeAll
    static void connect(SchemaRegistryServer server) {
        registry = SchemaRegistryClient.of(server.url());
    }

    @Test
    void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredTwice() {
        String subject = subject();
        int id = registry.register(subject, UploadRequest.getClassSchema());
        assertThat(registry.register(subject, UploadRequest.getClassSchema())).isEqualTo(id);
    }

    @Test
    void shouldLookUpARegisteredSchemaWithItsIdAndVersion() {
        String subject = subject();
        int id = registry.register(subject, UploadRequest.getClassSchema());

        assertThat(registry.lookup(subject, UploadRequest.getClassSchema()))
                .contains(new RegisteredSchema(subject, id, 1));
    }

    @Test
    void shouldFindNothingWhenLookingUpASchemaNotUnderTheSubject() {
        String subject = subject();
        assertThat(registry.lookup(subject, UploadRequest.getClassSchema())).isEmpty();
        registry.register(subject, UploadRequest.getClassSchema());
        assertThat(registry.lookup(subject, ChunkStored.getClassSchema())).isEmpty();
    }

    @Test
    void shouldFetchASchemaByIdEqualToTheRegisteredOne() {
        int id = registry.register(subject(), ChunkStored.getClassSchema());
        assertThat(registry.schemaById(id)).isEqualTo(ChunkStored.getClassSchema());
    }

    @Test
    void shouldReportAnUnknownIdAsNotFoundWithTheRegistryError() {
        assertThatThrownBy(() -> registry.schemaById(987_654_321))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.isNotFound()).isTrue();
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.httpStatus()).isEqualTo(404);
                })
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void shouldSetAndReadASubjectCompatibilityLevel() {
        String subject = subject();
        registry.register(subject, UploadRequest.getClassSchema());

        assertThat(registry.setCompatibility(subject, CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
        assertThat(registry.compatibility(subject)).contains(CompatibilityLevel.FULL);
    }

    @Test
    void shouldListRegisteredSubjects() {
        String subject = subject();
        registry.register(subject, UploadRequest.getClassSchema());
        assertThat(registry.subjects()).contains(subject);
    }

    @Test
    void shouldTreatAnUnreachableRegistryAsATransientFailure() {
        SchemaRegistryClient nowhere = SchemaRegistryClient.of("http://127.0.0.1:9/apis/ccompat/v7");
        assertThatThrownBy(() -> nowhere.subjects())
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.httpStatus()).isZero();
                    assertThat(e.isTransient()).isTrue();
                });
    }

    private static String subject() {
        return "it.client." + UUID.randomUUID() + "-value";
    }
}
