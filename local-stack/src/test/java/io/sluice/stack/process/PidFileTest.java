package io.sluice.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void roundTripsAndFindsTheLiveProcess() throws IOException {
        Path file = dir.resolve("run/me.pid");
        PidFile written = PidFile.of(ProcessHandle.current());
        written.write(file);
        PidFile read = PidFile.read(file).orElseThrow();
        assertThat(read).isEqualTo(written);
        assertThat(read.liveProcess()).contains(ProcessHandle.current());
    }

    @Test
    void aReusedPidWithAnotherStartTimeIsNotTheComponent() {
        PidFile stale = new PidFile(ProcessHandle.current().pid(), 12345L);
        assertThat(stale.liveProcess()).isEmpty();
    }

    @Test
    void aMissingFileMeansNotRunning() throws IOException {
        assertThat(PidFile.read(dir.resolve("absent.pid"))).isEmpty();
    }

    @Test
    void anUnreadableFileIsReportedWithItsPath() throws IOException {
        Path file = dir.resolve("bad.pid");
        Files.writeString(file, "not-a-pid");
        assertThatThrownBy(() -> PidFile.read(file)).isInstanceOf(IOException.class).hasMessageContaining(file.toString());
    }
}
