package io.sluice.bench;

import java.util.List;

/**
 * Scenario 2: many files at once, each its own upload (chunks one after another) or its own PUT;
 * aggregate throughput from the first start to the last finish.
 */
final class ParallelFilesScenario {

    private ParallelFilesScenario() {}

    static Throughput sluice(SluiceUploader uploader, List<GeneratedFile> files, int chunkSize)
            throws InterruptedException {
        long started = System.nanoTime();
        Concurrently.map(files, files.size(), file -> uploader.upload(file, chunkSize, 1));
        return new Throughput(totalBytes(files), System.nanoTime() - started);
    }

    static Throughput direct(DirectBaseline direct, List<GeneratedFile> files) throws Exception {
        long started = System.nanoTime();
        Concurrently.map(files, files.size(), file -> {
            direct.putWhole(file);
            return null;
        });
        Throughput throughput = new Throughput(totalBytes(files), System.nanoTime() - started);
        for (GeneratedFile file : files) direct.requireStored(file);
        direct.deleteAll();
        return throughput;
    }

    static long totalBytes(List<GeneratedFile> files) {
        return files.stream().mapToLong(GeneratedFile::size).sum();
    }
}
