package io.sluice.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Sends a file piece by piece with up to {@code streams} pieces in flight: the calling thread
 * generates the pieces in order (for Sluice hashing the whole file on the way, as a client computing
 * the finish body would), and each piece goes out on a virtual thread. Memory: {@code streams + 1}
 * piece buffers, reused, never the file.
 */
final class PiecePipeline {

    /** Sends one piece; the buffer is valid until it returns. */
    @FunctionalInterface
    interface PieceSender {
        void send(int index, byte[] bytes, int length) throws Exception;
    }

    private PiecePipeline() {}

    /** Sends every piece; returns the SHA-256 (hex) of the whole file, which Sluice's finish needs. */
    static String sendHashing(GeneratedFile file, int pieceSize, int streams, PieceSender sender)
            throws InterruptedException {
        MessageDigest whole = sha256();
        send(file, pieceSize, streams, sender, whole);
        return HexFormat.of().formatHex(whole.digest());
    }

    /** Sends every piece without hashing: a plain PUT has no use for the file's SHA-256. */
    static void send(GeneratedFile file, int pieceSize, int streams, PieceSender sender) throws InterruptedException {
        send(file, pieceSize, streams, sender, null);
    }

    private static void send(GeneratedFile file, int pieceSize, int streams, PieceSender sender, MessageDigest whole)
            throws InterruptedException {
        BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(streams + 1);
        for (int i = 0; i <= streams; i++) free.add(new byte[pieceSize]);
        Semaphore inFlight = new Semaphore(streams);
        List<Future<?>> sends = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int index = 0; index < file.pieceCount(pieceSize); index++) {
                byte[] buffer = free.take();
                int length = file.fillPiece(index, pieceSize, buffer);
                if (whole != null) whole.update(buffer, 0, length);
                inFlight.acquire();
                throwFirstFailure(sends);
                int piece = index;
                sends.add(executor.submit(() -> {
                    try {
                        sender.send(piece, buffer, length);
                        return null;
                    } finally {
                        inFlight.release();
                        free.add(buffer);
                    }
                }));
            }
            for (Future<?> send : sends) await(send);
        }
    }

    private static void throwFirstFailure(List<Future<?>> sends) throws InterruptedException {
        for (Future<?> send : sends) {
            if (send.state() == Future.State.FAILED) await(send);
        }
    }

    private static void await(Future<?> send) throws InterruptedException {
        try {
            send.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof BenchFailure failure) throw failure;
            throw new BenchFailure("sending a piece failed: " + e.getCause(), e.getCause());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
