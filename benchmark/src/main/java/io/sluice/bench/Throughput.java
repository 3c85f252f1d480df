package io.sluice.bench;

/** Bytes moved in a measured time; MB are 10^6 bytes. */
record Throughput(long bytes, long nanos) {

    double megabytesPerSecond() {
        return bytes / 1e6 / seconds();
    }

    double seconds() {
        return nanos / 1e9;
    }

    /** Items (uploads, PUTs) per second over the same time. */
    double perSecond(int items) {
        return items / seconds();
    }
}
