package io.sluice.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void returnsTheLastLines() throws Exception {
        Path log = dir.resolve("c.log");
        Files.writeString(log, "one\ntwo\nthree\n");
        assertThat(LogTail.lastLines(log, 2)).containsExactly("two", "three");
        assertThat(LogTail.lastLines(log, 10)).containsExactly("one", "two", "three");
    }

    @Test
    void readsOnlyTheEndOfALargeLogAndNeverAHalfLine() throws Exception {
        Path log = dir.resolve("big.log");
        Files.writeString(log, IntStream.range(0, 100_000).mapToObj(i -> "line " + i).collect(Collectors.joining("\n")));
        assertThat(LogTail.lastLines(log, 3)).containsExactly("line 99997", "line 99998", "line 99999");
        assertThat(LogTail.lastLines(log, 1_000_000).getFirst()).startsWith("line ");
    }

    @Test
    void aMissingLogHasNoLines() throws Exception {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 5)).isEmpty();
    }
}
