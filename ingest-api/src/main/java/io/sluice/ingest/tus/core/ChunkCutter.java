package io.sluice.ingest.tus.core;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.kafka.RequestPublisher;
import io.sluice.ingest.tus.checksum.UploadChecksum;
import io.sluice.ingest.uploads.ChunkMemoryBudget;
import io.sluice.upload.ChunkGrid;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a stream that starts on a chunk boundary into the upload's chunks as its bytes arrive, and
 * hands each whole chunk on: a tus PATCH of any length becomes the same {@code ChunkReceived} events as
 * the chunk route's. Never more than two chunks are on the heap per stream (one being read, one waiting
 * for Kafka's acknowledgement), each counted in the API's chunk memory budget; bytes after the last whole
 * chunk that do not end the upload are dropped, and the offset answered says where to go on.
 *
 * <p>A stream with a checksum is different: nothing of it may be kept unless all of it matches, so its
 * chunks are held until it ends and are sent only then — which is why such a stream is bounded.
 */
public final class ChunkCutter {

    /** Where a chunk goes: sent to Kafka, its acknowledgement still to come. */
    @FunctionalInterface
    public interface ChunkSink {
        RequestPublisher.Pending send(int index, byte[] bytes);
    }

    /**
     * What a stream gave.
     *
     * @param chunks whole chunks sent and acknowledged, from the first index on
     * @param bytesRead every byte read, the dropped tail included
     */
    public record Cut(int chunks, long bytesRead) {}

    private final ChunkMemoryBudget budget;

    public ChunkCutter(ChunkMemoryBudget budget) {
        this.budget = budget;
    }

    /**
     * Reads {@code in} to its end (or to the end of the upload: a stream that goes on beyond it is
     * refused) and sends its whole chunks from {@code firstIndex} on, in order.
     *
     * @throws IOException when the stream breaks off: the chunks sent before are acknowledged, the rest is lost
     */
    public Cut cut(ChunkGrid grid, int firstIndex, InputStream in, ChunkSink sink) throws IOException, InterruptedException {
        int index = firstIndex;
        long read = 0;
        InFlight previous = InFlight.NONE;
        try {
            while (index < grid.chunkCount()) {
                Piece piece = read(in, grid.expectedLength(index));
                read += piece.got();
                if (!piece.whole()) break;
                InFlight sent = InFlight.send(sink, index, piece.bytes(), piece.reservation());
                previous.settle();
                previous = sent;
                index++;
            }
            previous.settle();
        } finally {
            previous.release();
        }
        if (index == grid.chunkCount()) refuseMore(in);
        return new Cut(index - firstIndex, read);
    }

    /**
     * As {@link #cut}, for a stream with a checksum: its chunks are held until it has ended and the
     * checksum matched, then sent; at most {@code heldMax} bytes are read.
     *
     * @throws ApiException 460 when the checksum does not match (nothing is sent), 413 past {@code heldMax}
     */
    public Cut cutChecked(ChunkGrid grid, int firstIndex, InputStream in, UploadChecksum checksum, long heldMax,
            ChunkSink sink) throws IOException, InterruptedException {
        MessageDigest digest = checksum.newDigest();
        InputStream bounded = new AtMost(in, heldMax);
        List<Held> held = new ArrayList<>();
        int index = firstIndex;
        long read = 0;
        try {
            while (index < grid.chunkCount()) {
                Piece piece = read(bounded, grid.expectedLength(index));
                digest.update(piece.bytes(), 0, piece.got());
                read += piece.got();
                if (!piece.whole()) break;
                held.add(new Held(index, piece.bytes(), piece.reservation()));
                index++;
            }
            if (index == grid.chunkCount()) refuseMore(in);
            checksum.check(digest);
            InFlight previous = InFlight.NONE;
            try {
                for (Held chunk : held) {
                    InFlight sent = InFlight.send(sink, chunk.index(), chunk.bytes(), null);
                    previous.settle();
                    previous = sent;
                }
                previous.settle();
            } finally {
                previous.release();
            }
            return new Cut(held.size(), read);
        } finally {
            held.forEach(chunk -> chunk.reservation().close());
        }
    }

    /**
     * One chunk's worth of the stream, read into an array counted in the memory budget: whole, or
     * shorter when the stream ended first (its memory then given back at once).
     */
    private record Piece(byte[] bytes, int got, ChunkMemoryBudget.Reservation reservation) {
        boolean whole() {
            return got == bytes.length;
        }
    }

    private Piece read(InputStream in, int length) throws IOException, InterruptedException {
        ChunkMemoryBudget.Reservation reservation = budget.reserve(length);
        byte[] bytes = new byte[length];
        try {
            int got = in.readNBytes(bytes, 0, length);
            if (got < length) reservation.close();
            return new Piece(bytes, got, reservation);
        } catch (IOException | RuntimeException e) { // a broken stream, or one past what may be held
            reservation.close();
            throw e;
        }
    }

    private static void refuseMore(InputStream in) throws IOException {
        if (in.read() != -1) {
            throw new ApiException(ProblemCode.INVALID_REQUEST, "the body goes on past the upload's length");
        }
    }

    private static ApiException tooLongToCheck(long heldMax) {
        return new ApiException(ProblemCode.CHUNK_TOO_LARGE, "a body with Upload-Checksum is held until it is "
                + "checked, so it may carry at most " + heldMax + " bytes; send it in shorter PATCHes");
    }

    /** Refuses a stream past {@code limit} bytes, having read at most one byte more. */
    private static final class AtMost extends FilterInputStream {
        private final long limit;
        private long count;

        AtMost(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) counted(1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int got = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
            if (got > 0) counted(got);
            return got;
        }

        private void counted(int bytes) {
            count += bytes;
            if (count > limit) throw tooLongToCheck(limit);
        }
    }

    private record Held(int index, byte[] bytes, ChunkMemoryBudget.Reservation reservation) {}

    /** A chunk sent and not yet acknowledged, with the memory it holds until then. */
    private static final class InFlight {
        static final InFlight NONE = new InFlight(() -> { }, null);

        private final RequestPublisher.Pending pending;
        private ChunkMemoryBudget.Reservation reservation;

        private InFlight(RequestPublisher.Pending pending, ChunkMemoryBudget.Reservation reservation) {
            this.pending = pending;
            this.reservation = reservation;
        }

        static InFlight send(ChunkSink sink, int index, byte[] bytes, ChunkMemoryBudget.Reservation reservation) {
            try {
                return new InFlight(sink.send(index, bytes), reservation);
            } catch (RuntimeException e) {
                if (reservation != null) reservation.close();
                throw e;
            }
        }

        /** Waits for the acknowledgement, then frees the memory. */
        void settle() throws InterruptedException {
            try {
                pending.await();
            } finally {
                release();
            }
        }

        void release() {
            if (reservation != null) reservation.close();
            reservation = null;
        }
    }
}
