package io.sluice.stack.process;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The last lines of a log file, read from its end so a large log costs little. */
public final class LogTail {

    private static final int MAX_BYTES = 256 * 1024;

    private LogTail() {}

    public static List<String> lastLines(Path file, int count) throws IOException {
        if (!Files.isRegularFile(file)) return List.of();
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
            long length = raf.length();
            int size = (int) Math.min(length, MAX_BYTES);
            byte[] bytes = new byte[size];
            raf.seek(length - size);
            raf.readFully(bytes);
            List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\r?\n")));
            if (size < length && !lines.isEmpty()) lines.remove(0); // the first line was cut in the middle
            return lines.subList(Math.max(0, lines.size() - count), lines.size());
        }
    }

    /** The last lines, indented, for an error message; a note instead if the log cannot be read. */
    public static String excerpt(Path file, int count) {
        try {
            List<String> lines = lastLines(file, count);
            if (lines.isEmpty()) return "  (" + file + " is empty)";
            return "  " + String.join("\n  ", lines);
        } catch (IOException e) {
            return "  (cannot read " + file + ": " + e.getMessage() + ")";
        }
    }
}
