package io.sluice.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The run's figures as Markdown tables: readable in a terminal and pasted as they are into
 * {@code docs/benchmarks.md}.
 */
final class ReportTable {

    private ReportTable() {}

    static void print(BenchReport report, PrintStream out) {
        BenchPlan plan = report.plan();
        MachineInfo machine = report.machine();
        out.printf("Sluice benchmark (%s run), %s; %d cores, %.1f GiB, %s; %s; %.0f s%n", plan.mode(),
                report.date(), machine.cores(), machine.memoryMebibytes() / 1024.0, machine.cpu(), machine.jdk(),
                report.elapsed().toMillis() / 1000.0);
        out.printf("Chunk size %s; direct multipart parts %s. MB = 10^6 bytes; memory in MiB.%n%n",
                size(plan.chunkSize()), size(plan.directPartSize()));
        out.println("| figure | Sluice | direct PUT | Sluice / direct |");
        out.println("|---|---:|---:|---:|");
        pair(out, "one " + size(plan.singleSize()) + " upload, 1 chunk stream (MB/s)", report.singleOneStream());
        pair(out, "one " + size(plan.singleSize()) + " upload, " + BenchPlan.FEW_STREAMS + " chunk streams (MB/s)",
                report.singleFewStreams());
        pair(out, plan.parallelUploads() + " x " + size(plan.parallelSize()) + " uploads at once (MB/s)",
                report.parallel());
        out.printf("| %d x %s uploads, %d at a time (uploads/s) | %.1f | %.1f | %.2f |%n", plan.smallUploads(),
                size(plan.smallSize()), plan.smallConcurrency(), report.small().uploadsPerSecond(),
                report.directSmallPutsPerSecond(), report.small().uploadsPerSecond() / report.directSmallPutsPerSecond());
        if (!report.small().neverFinished().isEmpty()) {
            out.printf("| small uploads that never finished (stuck; not in the figures) | %d of %d | | |%n",
                    report.small().neverFinished().size(), report.small().uploads());
        }
        latency(out, "finish sent → UploadFinished read (ms)", report.small().finishToFinished());
        latency(out, "finish call, sent → 200 (ms)", report.small().finishHttp());
        BenchReport.Retries retries = report.retries();
        out.printf("| requests sent again: Sluice chunks after 503 / 429, + after a broken connection;"
                + " direct after 5xx | %d + %d | %d | |%n%n", retries.chunks(), retries.connections(), retries.direct());

        out.printf("Memory during the %s uploads (sampled every %d ms):%n%n", size(plan.singleSize()),
                BenchCommand.SAMPLE_PERIOD.toMillis());
        out.println("| process | heap peak (MiB) | heap max (MiB) | RSS peak (MiB) |");
        out.println("|---|---:|---:|---:|");
        BenchReport.Memory memory = report.memory();
        for (String service : memory.residentPeak().keySet()) {
            out.printf("| %s | %s | %s | %s |%n", service, mebibytes(memory.heapPeak(), service),
                    mebibytes(memory.heapMax(), service), mebibytes(memory.residentPeak(), service));
        }
        for (String process : memory.infrastructureResidentPeak().keySet()) {
            out.printf("| %s | | | %s |%n", process, mebibytes(memory.infrastructureResidentPeak(), process));
        }
        cpu(out, report.cpuSecondsPerGibibyte());
    }

    /** CPU seconds per GiB of file bytes: a row per process, a column per scenario side. */
    private static void cpu(PrintStream out, Map<String, Map<String, Double>> costs) {
        if (costs.isEmpty() || costs.values().stream().allMatch(Map::isEmpty)) return;
        List<String> processes = new ArrayList<>();
        costs.values().forEach(cost -> cost.keySet().forEach(process -> {
            if (!processes.contains(process)) processes.add(process);
        }));
        out.printf("%nCPU seconds per GiB of file bytes (user + system, from /proc), per process:%n%n");
        out.println("| process | " + String.join(" | ", costs.keySet()) + " |");
        out.println("|---|" + "---:|".repeat(costs.size()));
        for (String process : processes) {
            StringBuilder row = new StringBuilder("| " + process + " |");
            for (Map<String, Double> cost : costs.values()) {
                Double seconds = cost.get(process);
                row.append(seconds == null ? " |" : String.format(" %.1f |", seconds));
            }
            out.println(row);
        }
    }

    private static void pair(PrintStream out, String label, BenchReport.Pair pair) {
        out.printf("| %s | %.1f | %.1f | %.2f |%n", label, pair.sluice().megabytesPerSecond(),
                pair.direct().megabytesPerSecond(), pair.ratio());
    }

    private static void latency(PrintStream out, String label, Percentiles latency) {
        out.printf("| %s, p50 / p95 / p99 (max) | %.0f / %.0f / %.0f (%.0f) | | |%n", label, latency.p50(),
                latency.p95(), latency.p99(), latency.max());
    }

    private static String mebibytes(Map<String, Long> bytes, String name) {
        Long value = bytes.get(name);
        return value == null ? "n/a" : String.format("%.0f", value / (double) (1 << 20));
    }

    /** 1073741824 → "1 GiB", 65536 → "64 KiB". */
    static String size(long bytes) {
        if (bytes % (1L << 30) == 0) return bytes / (1L << 30) + " GiB";
        if (bytes % (1L << 20) == 0) return bytes / (1L << 20) + " MiB";
        if (bytes % (1L << 10) == 0) return bytes / (1L << 10) + " KiB";
        return bytes + " bytes";
    }
}
