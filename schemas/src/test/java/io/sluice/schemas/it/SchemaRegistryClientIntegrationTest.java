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
  void registering_the_same_schema_twice_gives_the_same_id() {
    String subject = subject();
    int id = registry.register(subject, UploadRequest.getClassSchema());
    assertThat(registry.register(subject, UploadRequest.getClassSchema())).isEqualTo(id);
  }

  @Test
  void looks_up_a_registered_schema_with_its_id_and_version() {
    String subject = subject();
    int id = registry.register(subject, UploadRequest.getClassSchema());

    assertThat(registry.lookup(subject, UploadRequest.getClassSchema()))
        .contains(new RegisteredSchema(subject, id, 1));
  }

  @Test
  void lookup_of_a_schema_not_under_the_subject_is_empty() {
    String subject = subject();
    assertThat(registry.lookup(subject, UploadRequest.getClassSchema())).isEmpty();
    registry.register(subject, UploadRequest.getClassSchema());
    assertThat(registry.lookup(subject, ChunkStored.getClassSchema())).isEmpty();
  }

  @Test
  void fetches_a_schema_by_id_equal_to_the_registered_one() {
    int id = registry.register(subject(), ChunkStored.getClassSchema());
    assertThat(registry.schemaById(id)).isEqualTo(ChunkStored.getClassSchema());
  }

  @Test
  void an_unknown_id_is_reported_as_not_found_with_the_registry_error() {
    assertThatThrownBy(() -> registry.schemaById(987_654_321))
        .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
          assertThat(e.isNotFound()).isTrue();
          assertThat(e.isTransient()).isFalse();
          assertThat(e.httpStatus()).isEqualTo(404);
        })
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void sets_and_reads_a_subject_compatibility_level() {
    String subject = subject();
    registry.register(subject, UploadRequest.getClassSchema());

    assertThat(registry.setCompatibility(subject, CompatibilityLevel.FULL)).isEqualTo(CompatibilityLevel.FULL);
    assertThat(registry.compatibility(subject)).contains(CompatibilityLevel.FULL);
  }

  @Test
  void lists_registered_subjects() {
    String subject = subject();
    registry.register(subject, UploadRequest.getClassSchema());
    assertThat(registry.subjects()).contains(subject);
  }

  @Test
  void an_unreachable_registry_is_a_transient_failure() {
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
