package io.sluice.stack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ProcessLivenessTest {

    @Test
    void thisJvmRuns() {
        assertThat(ProcessLiveness.isRunning(ProcessHandle.current())).isTrue();
    }

    @Test
    void anExitedProcessNotYetReapedByItsParentHasStopped() throws Exception {
        // The JDK reaps its own children at once; the child of a shell that then execs into a
        // process that never waits stays a zombie.
        Process parent = new ProcessBuilder("sh", "-c", "sleep 0 & echo $!; exec sleep 30").start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            ProcessHandle zombie = ProcessHandle.of(Long.parseLong(output.readLine().trim())).orElseThrow();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (ProcessLiveness.isRunning(zombie) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // poll until `sleep 0` has exited
            }
            assertThat(ProcessLiveness.isRunning(zombie)).isFalse();
            assertThat(zombie.isAlive()).as("the JDK alone counts a zombie as alive").isTrue();
        } finally {
            parent.destroyForcibly();
        }
    }
}
