package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.stack.CliArguments.Command;
import io.sluice.stack.CliArguments.UsageException;
import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    @Test
    void noArgumentsMeansHelp() {
        assertThat(CliArguments.parse().command()).isEqualTo(Command.HELP);
        assertThat(CliArguments.parse("--help").command()).isEqualTo(Command.HELP);
    }

    @Test
    void upRunsInTheForegroundUnlessDetached() {
        assertThat(CliArguments.parse("up").detach()).isFalse();
        assertThat(CliArguments.parse("up", "--detach").detach()).isTrue();
        assertThat(CliArguments.parse("up", "-d").detach()).isTrue();
    }

    @Test
    void upAndDownTakeOptionalComponents() {
        CliArguments up = CliArguments.parse("up", "kafka", "--detach", "registry");
        assertThat(up.command()).isEqualTo(Command.UP);
        assertThat(up.components()).containsExactly("kafka", "registry");
        assertThat(CliArguments.parse("down").components()).isEmpty();
        assertThat(CliArguments.parse("down", "s3").components()).containsExactly("s3");
    }

    @Test
    void restartAndKillNeedAComponent() {
        assertThat(CliArguments.parse("restart", "ingest-api").components()).containsExactly("ingest-api");
        assertThat(CliArguments.parse("kill", "kafka", "s3").components()).containsExactly("kafka", "s3");
        assertThatThrownBy(() -> CliArguments.parse("restart")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a component");
        assertThatThrownBy(() -> CliArguments.parse("kill")).isInstanceOf(UsageException.class);
    }

    @Test
    void logsTakesOneComponentAFollowFlagAndALineCount() {
        CliArguments logs = CliArguments.parse("logs", "-f", "-n", "20", "blob-writer");
        assertThat(logs.command()).isEqualTo(Command.LOGS);
        assertThat(logs.follow()).isTrue();
        assertThat(logs.lines()).isEqualTo(20);
        assertThat(logs.components()).containsExactly("blob-writer");
        assertThat(CliArguments.parse("logs", "kafka").lines()).isEqualTo(CliArguments.DEFAULT_LOG_LINES);
        assertThatThrownBy(() -> CliArguments.parse("logs")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CliArguments.parse("logs", "-n", "0", "kafka")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CliArguments.parse("logs", "-n", "x", "kafka")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CliArguments.parse("logs", "kafka", "-n")).isInstanceOf(UsageException.class);
    }

    @Test
    void statusAndResetTakeNoComponent() {
        assertThat(CliArguments.parse("status").command()).isEqualTo(Command.STATUS);
        assertThat(CliArguments.parse("reset").command()).isEqualTo(Command.RESET);
        assertThatThrownBy(() -> CliArguments.parse("status", "kafka")).isInstanceOf(UsageException.class);
    }

    @Test
    void unknownCommandsAndOptionsAreRefused() {
        assertThatThrownBy(() -> CliArguments.parse("start")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown command 'start'");
        assertThatThrownBy(() -> CliArguments.parse("down", "--detach")).isInstanceOf(UsageException.class)
                .hasMessageContaining("Unknown option '--detach'");
        assertThatThrownBy(() -> CliArguments.parse("up", "-f")).isInstanceOf(UsageException.class);
    }
}
