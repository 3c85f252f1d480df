package io.sluice.stack.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.stack.StackFailure;
import io.sluice.stack.StackLayout;
import io.sluice.stack.component.Component;
import io.sluice.stack.component.LaunchSpec;
import io.sluice.stack.readiness.ProbeResult;
import io.sluice.stack.readiness.ReadinessProbe;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor on a plain {@code sleep} process: what it does with pid files and signals. */
class ProcessSupervisorTest {

    @TempDir
    Path home;

    private final SleepComponent sleeper = new SleepComponent(List.of());
    private ProcessSupervisor supervisor;

    @AfterEach
    void killLeftovers() throws Exception {
        if (supervisor != null) supervisor.kill(sleeper);
    }

    private ProcessSupervisor supervisor() {
        supervisor = new ProcessSupervisor(new StackLayout(home, home));
        return supervisor;
    }

    @Test
    void startWritesAPidFileAndALogHeaderThatLaterInvocationsFind() throws Exception {
        Process process = supervisor().start(sleeper);
        assertThat(Files.readString(home.resolve("run/sleeper.pid"))).startsWith(process.pid() + " ");
        assertThat(Files.readString(home.resolve("logs/sleeper.log"))).contains("./sluice starts sleeper");
        // A second supervisor stands for a later ./sluice invocation.
        assertThat(new ProcessSupervisor(new StackLayout(home, home)).running(sleeper))
                .hasValueSatisfying(handle -> assertThat(handle.pid()).isEqualTo(process.pid()));
    }

    @Test
    void stopEndsTheProcessAndRemovesThePidFile() throws Exception {
        Process process = supervisor().start(sleeper);
        assertThat(supervisor.stop(sleeper)).isTrue();
        // The process has exited when stop returns; the JVM's reaper thread may take a moment to notice.
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(home.resolve("run/sleeper.pid")).doesNotExist();
        assertThat(supervisor.running(sleeper)).isEmpty();
        assertThat(supervisor.stop(sleeper)).as("stopping a stopped component").isFalse();
    }

    @Test
    void killEndsTheProcessWithSigkill() throws Exception {
        Process process = supervisor().start(sleeper);
        assertThat(supervisor.kill(sleeper)).isTrue();
        assertThat(process.waitFor()).isEqualTo(128 + 9);
        assertThat(supervisor.running(sleeper)).isEmpty();
        assertThat(supervisor.kill(sleeper)).isFalse();
    }

    @Test
    void refusesToStartWhenAPortIsTakenBySomethingElse() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SleepComponent needsPort = new SleepComponent(List.of(taken.getLocalPort()));
            assertThatThrownBy(() -> supervisor().start(needsPort))
                    .isInstanceOf(StackFailure.class)
                    .hasMessageContaining("port " + taken.getLocalPort() + " is in use")
                    .hasMessageContaining("SLUICE_STACK_PORT_OFFSET");
        }
        assertThat(home.resolve("run/sleeper.pid")).doesNotExist();
    }

    @Test
    void theChildGetsTheSpecEnvironmentAndNoneOfTheCallersSluiceVariables() throws Exception {
        Component printer = new SleepComponent(List.of()) {
            @Override
            public LaunchSpec prepare() {
                return new LaunchSpec(List.of("sh", "-c", "env"), Map.of("SLUICE_HTTP_PORT", "1234"), home);
            }
        };
        Process process = supervisor().start(printer);
        assertThat(process.waitFor()).isZero();
        String output = Files.readString(home.resolve("logs/sleeper.log"));
        assertThat(output).contains("SLUICE_HTTP_PORT=1234");
        assertThat(output.lines().filter(line -> line.startsWith("SLUICE_")).toList()).containsExactly("SLUICE_HTTP_PORT=1234");
    }

    /** A component whose process is {@code sleep 300}. */
    private class SleepComponent implements Component {
        private final List<Integer> ports;

        SleepComponent(List<Integer> ports) {
            this.ports = ports;
        }

        @Override
        public String name() {
            return "sleeper";
        }

        @Override
        public int port() {
            return ports.isEmpty() ? 0 : ports.getFirst();
        }

        @Override
        public List<Integer> ports() {
            return ports;
        }

        @Override
        public String url() {
            return "-";
        }

        @Override
        public boolean isService() {
            return false;
        }

        @Override
        public LaunchSpec prepare() {
            return new LaunchSpec(List.of("sleep", "300"), Map.of(), home);
        }

        @Override
        public ReadinessProbe readinessProbe() {
            return () -> ProbeResult.isReady();
        }

        @Override
        public Duration startDeadline() {
            return Duration.ofSeconds(5);
        }

        @Override
        public Duration stopDeadline() {
            return Duration.ofSeconds(5);
        }
    }
}
