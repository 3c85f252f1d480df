package io.sluice.schemas.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shows that the gate can fail: each test copies the first release, edits one file the way a
 * developer might, and runs the gate with the edited copy as the "current" schemas.
 */
class CompatibilityGateCatchesBreakingChangesTest {
    @TempDir Path edited;

    @Test
    void shouldReportANewRequiredFieldWithoutADefault() {
        List<BackwardCompatibility.Problem> problems = gateAfterEditing("requests/UploadOpened.avsc",
                "{\"name\": \"fileName\"",
                "{\"name\": \"region\", \"type\": \"string\"},\n    {\"name\": \"fileName\"");

        assertThat(problems).extracting(BackwardCompatibility.Problem::type)
                .contains("io.sluice.events.UploadOpened", "io.sluice.events.UploadRequest");
        assertThat(problems.toString()).contains("READER_FIELD_MISSING_DEFAULT_VALUE").contains("region");
    }

    @Test
    void shouldReportAChangedFieldType() {
        List<BackwardCompatibility.Problem> problems = gateAfterEditing("requests/FinishRequested.avsc",
                "{\"name\": \"size\", \"type\": \"long\"}", "{\"name\": \"size\", \"type\": \"string\"}");

        assertThat(problems).extracting(BackwardCompatibility.Problem::type)
                .contains("io.sluice.events.FinishRequested");
        assertThat(problems.toString()).contains("TYPE_MISMATCH");
    }

    @Test
    void shouldReportARemovedEnumSymbol() {
        List<BackwardCompatibility.Problem> problems = gateAfterEditing("common/DerivativeRole.avsc",
                ", \"PLACEHOLDER\"", "");

        assertThat(problems).extracting(BackwardCompatibility.Problem::type)
                .contains("io.sluice.events.DerivativeRole", "io.sluice.events.UploadOpened");
        assertThat(problems.toString()).contains("MISSING_ENUM_SYMBOLS");
    }

    @Test
    void shouldReportARemovedEventTypeInAnEnvelope() {
        List<BackwardCompatibility.Problem> problems = gateAfterEditing("requests/UploadRequest.avsc",
                ",\n      \"io.sluice.events.ExpiryRequested\"", "");

        assertThat(problems).extracting(BackwardCompatibility.Problem::type)
                .contains("io.sluice.events.UploadRequest");
        assertThat(problems.toString()).contains("MISSING_UNION_BRANCH");
    }

    @Test
    void shouldPassAnOptionalFieldWithANullDefault() {
        assertThat(gateAfterEditing("requests/ChunkReceived.avsc",
                "{\"name\": \"bytes\"",
                "{\"name\": \"note\", \"type\": [\"null\", \"string\"], \"default\": null},\n    {\"name\": \"bytes\""))
                .isEmpty();
    }

    @Test
    void shouldPassANewEventTypeInAnEnvelope() {
        List<BackwardCompatibility.Problem> problems = gateAfterEditing("blobs/BlobEvent.avsc",
                "\"io.sluice.events.AssetStored\"",
                "\"io.sluice.events.AssetStored\",\n      \"io.sluice.events.ChunksDeleted\"",
                "blobs/ChunksDeleted.avsc", """
                        {"type": "record", "name": "ChunksDeleted", "namespace": "io.sluice.events",
                         "fields": [{"name": "uploadId", "type": "string"}]}""");
        assertThat(problems).isEmpty();
    }

    private List<BackwardCompatibility.Problem> gateAfterEditing(String file, String from, String to) {
        return gateAfterEditing(file, from, to, null, null);
    }

    private List<BackwardCompatibility.Problem> gateAfterEditing(
            String file, String from, String to, String newFile, String newFileText) {
        try {
            Path release = SchemaSet.releases().getFirst();
            copyTree(release, edited);
            Path target = edited.resolve(file);
            String text = Files.readString(target);
            assertThat(text).as("the edit must apply to " + file).contains(from);
            Files.writeString(target, text.replace(from, to));
            if (newFile != null) {
                Files.writeString(edited.resolve(newFile), newFileText);
            }
            return BackwardCompatibility.check(
                    release.getFileName().toString(), SchemaSet.parse(release), SchemaSet.parse(edited));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
