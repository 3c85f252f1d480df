package io.sluice.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Every figure of one run, with what is needed to read it. {@code cpuSecondsPerGibibyte}: per scenario
 * side ({@code single_1stream.sluice}, {@code single_1stream.direct}, …), CPU seconds per GiB of file
 * bytes, per process and in total.
 */
record BenchReport(
        BenchPlan plan,
        MachineInfo machine,
        Instant date,
        Duration elapsed,
        Pair singleOneStream,
        Pair singleFewStreams,
        Pair parallel,
        SmallUploadsScenario.Figures small,
        double directSmallPutsPerSecond,
        Memory memory,
        Retries retries,
        Map<String, Map<String, Double>> cpuSecondsPerGibibyte) {

    /** A Sluice figure and its direct-PUT counterpart. */
    record Pair(Throughput sluice, Throughput direct) {
        double ratio() {
            return sluice.megabytesPerSecond() / direct.megabytesPerSecond();
        }
    }

    /**
     * Requests sent again during the measured scenarios: Sluice chunks after a 503 or 429, Sluice
     * requests whose connection broke, direct requests the store failed.
     */
    record Retries(long chunks, long connections, long direct) {}

    /**
     * Memory during scenario 1, in bytes: peak heap in use and maximum heap per service, peak
     * resident set per service and per infrastructure process.
     */
    record Memory(Map<String, Long> heapPeak, Map<String, Long> heapMax, Map<String, Long> residentPeak,
            Map<String, Long> infrastructureResidentPeak) {}
}
