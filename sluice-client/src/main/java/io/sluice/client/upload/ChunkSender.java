package io.sluice.client.upload;

import io.sluice.client.SluiceApi;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends chunks of a file on {@code streams} parallel streams, each reading its chunk straight from the
 * file into its own buffer: memory is {@code streams × chunkSize}, whatever the file's size. Chunks go
 * in ascending order, so they reach the server near its hash frontier. The first failure stops the rest.
 */
final class ChunkSender {

    private final SluiceApi api;
    private final Path file;
    private final String uploadId;
    private final int chunkSize;
    private final long size;
    private final int streams;

    ChunkSender(SluiceApi api, Path file, String uploadId, int chunkSize, long size, int streams) {
        this.api = api;
        this.file = file;
        this.uploadId = uploadId;
        this.chunkSize = chunkSize;
        this.size = size;
        this.streams = streams;
    }

    /** Sends the chunks; returns the bytes sent. */
    long send(List<Integer> indexes, UploadListener listener) throws IOException, InterruptedException {
        if (indexes.isEmpty()) return 0;
        ConcurrentLinkedQueue<Integer> queue = new ConcurrentLinkedQueue<>(indexes);
        AtomicLong sent = new AtomicLong();
        int workers = Math.min(streams, indexes.size());
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("chunk-", 0).factory());
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            List<Future<Void>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    byte[] buffer = new byte[chunkSize];
                    for (Integer index; (index = queue.poll()) != null; ) {
                        int length = read(channel, index, buffer);
                        api.putChunk(uploadId, index, buffer, 0, length);
                        sent.addAndGet(length);
                        listener.chunkSent(length);
                    }
                    return null;
                }));
            }
            for (Future<Void> worker : running) {
                try {
                    worker.get();
                } catch (ExecutionException e) {
                    pool.shutdownNow();
                    switch (e.getCause()) {
                        case IOException io -> throw io;
                        case RuntimeException runtime -> throw runtime;
                        case InterruptedException interrupted -> throw interrupted;
                        default -> throw new IllegalStateException(e.getCause());
                    }
                }
            }
            return sent.get();
        } finally {
            pool.shutdownNow();
        }
    }

    private int read(FileChannel channel, int index, byte[] buffer) throws IOException {
        long position = (long) index * chunkSize;
        int length = (int) Math.min(chunkSize, size - position);
        ByteBuffer target = ByteBuffer.wrap(buffer, 0, length);
        while (target.hasRemaining()) {
            if (channel.read(target, position + target.position()) < 0) {
                throw new EOFException(file + " is shorter than when the upload began: it changed");
            }
        }
        return length;
    }
}
