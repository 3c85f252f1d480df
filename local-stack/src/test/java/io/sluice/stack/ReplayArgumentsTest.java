package io.sluice.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.stack.CliArguments.Command;
import io.sluice.stack.CliArguments.UsageException;
import org.junit.jupiter.api.Test;

class ReplayArgumentsTest {

    @Test
    void shouldReplayExactlyOneNamedService() {
        CliArguments replay = CliArguments.parse("replay", "session-processor");
        assertThat(replay.command()).isEqualTo(Command.REPLAY);
        assertThat(replay.components()).containsExactly("session-processor");
        assertThatThrownBy(() -> CliArguments.parse("replay")).isInstanceOf(UsageException.class);
        assertThatThrownBy(() -> CliArguments.parse("replay", "session-processor", "index-projector"))
                .isInstanceOf(UsageException.class);
        assertThat(CliArguments.USAGE).contains("replay <service>");
    }
}
