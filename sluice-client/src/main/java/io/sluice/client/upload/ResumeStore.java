package io.sluice.client.upload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The small local file that remembers uploads under way, so that the same command run again resumes
 * one instead of starting over: an entry per file, keyed by the server, the file's absolute path, size
 * and modification time (a file changed since is a new upload). Written whole through a rename under a
 * lock, so two commands at once never tear it; at most {@value #MAX_ENTRIES} entries, the oldest dropped.
 */
public final class ResumeStore {

    static final int MAX_ENTRIES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What identifies a file's upload: it resumes only on the same server, for the same bytes as far as can be told. */
    public record Key(String server, String path, long size, long modifiedMillis) {}

    private final Path file;

    public ResumeStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    public Path file() {
        return file;
    }

    /** The upload remembered for the key. */
    public Optional<String> find(Key key) throws IOException {
        return locked(() -> entries().stream().filter(entry -> matches(entry, key))
                .map(entry -> entry.path("uploadId").asText()).findFirst());
    }

    /** Remembers the upload for the key (replacing any other). */
    public void remember(Key key, String uploadId) throws IOException {
        locked(() -> {
            List<JsonNode> entries = new ArrayList<>(entries());
            entries.removeIf(entry -> matches(entry, key));
            ObjectNode entry = JSON.createObjectNode().put("server", key.server()).put("path", key.path())
                    .put("size", key.size()).put("modifiedMillis", key.modifiedMillis()).put("uploadId", uploadId);
            entries.add(entry);
            while (entries.size() > MAX_ENTRIES) entries.removeFirst();
            write(entries);
            return null;
        });
    }

    /** Forgets the key's upload (it finished, or it is gone). */
    public void forget(Key key) throws IOException {
        locked(() -> {
            List<JsonNode> entries = new ArrayList<>(entries());
            if (entries.removeIf(entry -> matches(entry, key))) write(entries);
            return null;
        });
    }

    private static boolean matches(JsonNode entry, Key key) {
        return entry.path("server").asText().equals(key.server()) && entry.path("path").asText().equals(key.path())
                && entry.path("size").asLong() == key.size() && entry.path("modifiedMillis").asLong() == key.modifiedMillis();
    }

    private List<JsonNode> entries() throws IOException {
        if (!Files.exists(file)) return List.of();
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) { // a damaged file loses what it remembered, nothing else: uploads start over
            return List.of();
        }
        List<JsonNode> entries = new ArrayList<>();
        if (root != null) root.path("uploads").forEach(entries::add);
        return entries;
    }

    private void write(List<JsonNode> entries) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode uploads = root.putArray("uploads");
        entries.forEach(uploads::add);
        Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private interface Action<T> {
        T run() throws IOException;
    }

    private <T> T locked(Action<T> action) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return action.run();
        }
    }
}
