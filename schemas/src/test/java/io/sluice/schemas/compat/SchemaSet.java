package io.sluice.schemas.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParser;

/**
 * The named types of a directory tree of {@code .avsc} files, parsed together as the
 * avro-maven-plugin does, so files may refer to types defined in other files.
 */
public final class SchemaSet {
    private SchemaSet() {}

    /** Where the released versions are kept, one directory per version. */
    public static final Path RELEASED = Path.of("src/test/resources/released");
    /** The current schemas. */
    public static final Path CURRENT = Path.of("src/main/avro");

    /** The directory of every released version, oldest first by name. */
    public static List<Path> releases() {
        try (Stream<Path> dirs = Files.list(RELEASED)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Full name → schema, for every record, enum and fixed defined in the tree. */
    public static Map<String, Schema> parse(Path directory) {
        SchemaParser parser = new SchemaParser();
        try (Stream<Path> files = Files.walk(directory)) {
            List<Path> avsc = files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
            if (avsc.isEmpty()) {
                throw new IllegalArgumentException("no .avsc files under " + directory);
            }
            for (Path file : avsc) {
                parser.parse(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Schema> byName = new TreeMap<>();
        parser.getParsedNamedSchemas().forEach(s -> byName.put(s.getFullName(), s));
        return byName;
    }
}
