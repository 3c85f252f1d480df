package io.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.client.ConnectionLostException;
import io.sluice.client.VerificationFailedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ProgressTest {

    @Test
    void shouldPrintAPlainLineEveryTenthOfTheWayWhenNotOnATerminal() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), true, false, "upload a.bin");

        progress.started("up_1", 1000, 0, false);
        for (int i = 0; i < 100; i++) progress.chunkSent(10);
        progress.finishing();

        assertThat(err.toString().lines().filter(line -> line.contains("%")).count()).isEqualTo(11);
        assertThat(err.toString()).contains("upload a.bin: 100% 1000 B of 1000 B").contains("upload a.bin: all sent, verifying");
    }

    @Test
    void shouldShowOnlyMessagesWithoutProgress() {
        StringWriter err = new StringWriter();
        Progress progress = new Progress(new PrintWriter(err), false, true, "download b");

        progress.started("as_1", 1000, 400);
        progress.received(600);
        progress.end();

        assertThat(err.toString().trim()).isEqualTo("download b: resuming, 400 B already here");
    }

    @Test
    void shouldWriteBytesAndDurationsAsPeopleReadThem() {
        assertThat(Bytes.of(999)).isEqualTo("999 B");
        assertThat(Bytes.of(20_000_000)).isEqualTo("19.1 MiB");
        assertThat(Bytes.duration(65)).isEqualTo("1m05s");
        assertThat(Bytes.duration(7300)).isEqualTo("2h01m");
    }

    @Test
    void shouldExitWithTheCodeAScriptCanActOn() {
        assertThat(ExitCode.of(new VerificationFailedException("x"))).isEqualTo(ExitCode.VERIFICATION_FAILED);
        assertThat(ExitCode.of(new ConnectionLostException("x", new IOException("reset")))).isEqualTo(ExitCode.TRY_AGAIN);
        assertThat(ExitCode.of(new NoSuchFileException("f"))).isEqualTo(ExitCode.NOT_FOUND);
        assertThat(ExitCode.of(new InterruptedException())).isEqualTo(ExitCode.INTERRUPTED);
        assertThat(ExitCode.of(new CommandLine.ParameterException(new CommandLine(CommandLine.Model.CommandSpec.create()), "x")))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ExitCode.of(new IllegalStateException())).isEqualTo(ExitCode.FAILED);
    }
}
