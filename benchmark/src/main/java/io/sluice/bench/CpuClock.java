package io.sluice.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of the stack's processes and of the benchmark itself, from {@code /proc/<pid>/stat}
 * (user + system, in the kernel's clock ticks): read before and after a scenario, the difference over
 * the bytes it moved is what each byte cost each process. Linux only; elsewhere the figures are absent.
 */
final class CpuClock {

    /** The benchmark's own process, beside the stack's. */
    static final String BENCH = "bench";

    private final List<SampledProcess> processes;
    private final double ticksPerSecond;

    CpuClock(List<SampledProcess> processes) {
        this.processes = List.copyOf(processes);
        this.ticksPerSecond = ticksPerSecond();
    }

    /** CPU seconds used so far, per process (absent where {@code /proc} cannot tell). */
    Map<String, Double> read() {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (SampledProcess process : processes) {
            long ticks = ticks(process.pid());
            if (ticks >= 0) seconds.put(process.name(), ticks / ticksPerSecond);
        }
        long own = ticks(ProcessHandle.current().pid());
        if (own >= 0) seconds.put(BENCH, own / ticksPerSecond);
        return seconds;
    }

    /** CPU seconds per GiB moved between two readings, per process, and their total. */
    static Map<String, Double> perGibibyte(Map<String, Double> before, Map<String, Double> after, long bytes) {
        Map<String, Double> cost = new LinkedHashMap<>();
        double gibibytes = bytes / (double) (1L << 30);
        double total = 0;
        for (Map.Entry<String, Double> end : after.entrySet()) {
            Double start = before.get(end.getKey());
            if (start == null) continue;
            double seconds = Math.max(0, end.getValue() - start) / gibibytes;
            cost.put(end.getKey(), seconds);
            total += seconds;
        }
        if (!cost.isEmpty()) cost.put("total", total);
        return cost;
    }

    /** utime + stime: fields 14 and 15 of {@code stat}, counted after the command name's closing parenthesis. */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** {@code getconf CLK_TCK}; 100, Linux's usual value, when it cannot be asked. */
    private static double ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(5, TimeUnit.SECONDS) && getconf.exitValue() == 0) return Double.parseDouble(answer);
        } catch (IOException | RuntimeException e) {
            // the usual value below
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
