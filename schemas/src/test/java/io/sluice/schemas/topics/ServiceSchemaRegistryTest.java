package io.sluice.schemas.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.schemas.registry.InMemorySchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.registry.SchemaRegistryException;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ServiceSchemaRegistryTest {

    private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();
    private final Schema requests = Topics.UPLOAD_REQUESTS.valueSchema().orElseThrow();

    @Test
    void shouldRefuseToRegisterACatalogueSubjectOutsideDevelopment() {
        SchemaRegistry service = ServiceSchemaRegistry.of(registry, false);

        assertThatThrownBy(() -> service.register(Topics.UPLOAD_REQUESTS.valueSubject(), requests))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("SLUICE_SCHEMA_AUTO_REGISTER")
                .satisfies(e -> assertThat(((SchemaRegistryException) e).isNotFound()).isTrue());
        assertThat(registry.lookup(Topics.UPLOAD_REQUESTS.valueSubject(), requests)).as("nothing registered").isEmpty();
    }

    @Test
    void shouldFindACatalogueSubjectRegisteredBeforeTheServicesStarted() {
        int id = registry.register(Topics.UPLOAD_REQUESTS.valueSubject(), requests);

        assertThat(ServiceSchemaRegistry.of(registry, false).register(Topics.UPLOAD_REQUESTS.valueSubject(), requests))
                .isEqualTo(id);
    }

    @Test
    void shouldLetAServiceRegisterTheSubjectsOfItsOwnInternalTopics() {
        String internal = "sluice-index-projector-dashboard-activity-by-tenant-repartition-value";

        int id = ServiceSchemaRegistry.of(registry, false).register(internal, requests);

        assertThat(registry.lookup(internal, requests)).hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(id));
    }

    @Test
    void shouldRegisterEverythingInDevelopment() {
        assertThat(ServiceSchemaRegistry.of(registry, true)).isSameAs(registry);
    }
}
