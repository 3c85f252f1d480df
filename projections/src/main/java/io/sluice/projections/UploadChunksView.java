package io.sluice.projections;

import io.micrometer.core.instrument.MeterRegistry;
import io.sluice.events.ChunkProgress;
import io.sluice.runtime.config.SluiceConfig;
import io.sluice.runtime.service.Readiness;
import io.sluice.schemas.keys.ChunkKeys;
import io.sluice.schemas.registry.SchemaRegistry;
import io.sluice.schemas.topics.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;

/**
 * Which chunks of each upload are received and stored, from the compacted chunk progress topic the
 * session processor writes ({@link Topics#UPLOAD_CHUNKS}, one record per chunk). On disk (see
 * {@link CompactedTopicView}), with two secondary keys per chunk — {@code r<uploadId>\0<index>} once
 * received, {@code s<uploadId>\0<index>} once stored — so an upload's chunks are read by one scan of
 * keys in index order, without decoding a record.
 */
public final class UploadChunksView implements AutoCloseable {

    private static final byte RECEIVED = 'r';
    private static final byte STORED = 's';

    /** Which chunks are received and which stored (bit i = chunk i). */
    public record ChunkSets(BitSet received, BitSet stored) {}

    private final CompactedTopicView<ChunkProgress> view;

    private UploadChunksView(CompactedTopicView<ChunkProgress> view) {
        this.view = view;
    }

    /**
     * Opens the view's database in {@code directory} and starts its consumer thread, which goes on
     * from where the database stops; returns at once.
     */
    public static UploadChunksView start(SluiceConfig config, SchemaRegistry registry, Path directory) {
        return new UploadChunksView(CompactedTopicView.start(config, Topics.UPLOAD_CHUNKS, registry, directory,
                UploadChunksView::index));
    }

    /** The upload's received and stored chunks below {@code chunkCount}; one pass over its keys. */
    public ChunkSets chunks(String uploadId, int chunkCount) {
        return new ChunkSets(indexes(RECEIVED, uploadId, chunkCount), indexes(STORED, uploadId, chunkCount));
    }

    /** Whether the chunk was received (accepted by the session processor). */
    public boolean isReceived(String uploadId, int index) {
        return view.database().value(ChunkKeys.key(uploadId, index)).isPresent();
    }

    /**
     * Blocks until every record committed to the topic before this call is applied; false on timeout.
     *
     * @see CompactedTopicView#awaitCaughtUp(Duration)
     */
    public boolean awaitCaughtUp(Duration timeout) throws InterruptedException {
        return view.awaitCaughtUp(timeout);
    }

    /** Ready once the initial load reached the end of the topic. */
    public Readiness readiness() {
        return view.readiness();
    }

    /** Chunks held (received chunks of every upload). */
    public long size() {
        return view.size();
    }

    /** The view's consumer's own metrics on {@code registry}. */
    public void bindMetrics(MeterRegistry registry) {
        view.bindMetrics(registry);
    }

    @Override
    public void close() {
        view.close();
    }

    private static void index(String key, ChunkProgress previous, ChunkProgress current, ViewDatabase.Update update) {
        if (previous != null) {
            update.deleteIndex(key(RECEIVED, previous.getUploadId(), previous.getIndex()));
            update.deleteIndex(key(STORED, previous.getUploadId(), previous.getIndex()));
        }
        if (current != null) {
            update.putIndex(key(RECEIVED, current.getUploadId(), current.getIndex()));
            if (current.getStored()) update.putIndex(key(STORED, current.getUploadId(), current.getIndex()));
        }
    }

    private BitSet indexes(byte tag, String uploadId, int chunkCount) {
        BitSet bits = new BitSet();
        byte[] prefix = group(tag, uploadId);
        view.database().scanIndex(prefix, prefix, suffix -> {
            int index = ByteBuffer.wrap(suffix).getInt();
            if (index >= chunkCount) return false;
            bits.set(index);
            return true;
        });
        return bits;
    }

    private static byte[] key(byte tag, String uploadId, int index) {
        byte[] group = group(tag, uploadId);
        return ByteBuffer.allocate(group.length + Integer.BYTES).put(group).putInt(index).array();
    }

    private static byte[] group(byte tag, String uploadId) {
        byte[] utf8 = uploadId.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(utf8.length + 2).put(tag).put(utf8).put((byte) 0).array();
    }
}
