package io.sluice.bench;

/** Scenario 1: one large file, with a given number of chunk (or part) streams in flight. */
final class SingleFileScenario {

    private SingleFileScenario() {}

    /** Create to the finish's 200; the timing also splits it at the finish call. */
    static SluiceUploader.Timing sluice(SluiceUploader uploader, GeneratedFile file, int chunkSize, int streams)
            throws InterruptedException {
        return uploader.upload(file, chunkSize, streams);
    }

    /** Create the multipart upload to its completion. */
    static Throughput direct(DirectBaseline direct, GeneratedFile file, int partSize, int streams) throws Exception {
        long started = System.nanoTime();
        direct.putMultipart(file, partSize, streams);
        Throughput throughput = new Throughput(file.size(), System.nanoTime() - started);
        direct.requireStored(file);
        direct.deleteAll();
        return throughput;
    }
}
