package io.sluice.bench;

/**
 * What one benchmark run measures. The full plan is issue 5's; the smoke plan runs every step of
 * it scaled down to seconds, so CI keeps the tool working without measuring anything meaningful.
 *
 * @param chunkSize Sluice chunk size of the large uploads (the API's default)
 * @param directPartSize part size of the direct multipart PUT of the single file: large parts,
 *     but S3Proxy reads each signed request body whole into its 256 MiB heap, so four parts in
 *     flight must fit there
 * @param warmupUploads uploads of {@code warmupSize} (4 streams) before anything is measured, plus
 *     as many direct PUTs and {@code smallConcurrency} small uploads: the services' JIT and
 *     connections warm, no figure pays for it
 */
record BenchPlan(
        String mode,
        long singleSize,
        int chunkSize,
        int directPartSize,
        int parallelUploads,
        int parallelSize,
        int smallUploads,
        int smallSize,
        int smallConcurrency,
        int warmupUploads,
        int warmupSize) {

    static final int FEW_STREAMS = 4;
    private static final int MIB = 1 << 20;

    static BenchPlan full() {
        return new BenchPlan("full", 1L << 30, 8 * MIB, 16 * MIB, 64, 16 * MIB, 1000, 64 << 10, 32, 4, 32 * MIB);
    }

    /** Issue 5's smoke: 8 MiB single (1 MiB chunks, so four streams have chunks to share), 4 x 1 MiB, 20 small. */
    static BenchPlan smoke() {
        return new BenchPlan("smoke", 8 * MIB, MIB, 5 * MIB, 4, MIB, 20, 64 << 10, 4, 1, 2 * MIB);
    }

    boolean isSmoke() {
        return mode.equals("smoke");
    }
}
