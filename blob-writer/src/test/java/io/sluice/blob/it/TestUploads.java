package io.sluice.blob.it;

import io.sluice.blob.chunks.ChunkVerification;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRef;
import io.sluice.events.UploadAccepted;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.schemas.topics.Topics;
import io.sluice.testkit.KeysOnPartition;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** An upload made up by a test: its id, its chunks' bytes, and the events the other services would write. */
final class TestUploads {

    static final String TENANT = "acme";

    final String uploadId;
    final List<byte[]> chunks;

    private TestUploads(String uploadId, List<byte[]> chunks) {
        this.uploadId = uploadId;
        this.chunks = chunks;
    }

    /** Random bytes in chunks of the given lengths. */
    static TestUploads withChunkLengths(long seed, int... lengths) {
        return new TestUploads(UploadIds.newUploadId(), randomChunks(seed, lengths));
    }

    /**
     * Another upload whose events share this one's partition: the blob writer reads them after this
     * upload's events sent before them, so one can mark that those were read.
     */
    TestUploads onSamePartition(long seed, int... lengths) {
        return new TestUploads(uploadIdOnPartition(KeysOnPartition.partitionOf(uploadId, Topics.UPLOAD_PARTITIONS)), randomChunks(seed, lengths));
    }

    /** An upload id the producer's default partitioner puts on this partition. */
    static String uploadIdOnPartition(int partition) {
        return KeysOnPartition.keyOn(partition, Topics.UPLOAD_PARTITIONS, UploadIds::newUploadId);
    }

    private static List<byte[]> randomChunks(long seed, int... lengths) {
        Random random = new Random(seed);
        List<byte[]> chunks = new ArrayList<>();
        for (int length : lengths) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            chunks.add(bytes);
        }
        return chunks;
    }

    /** The opening of this upload, its chunks {@code chunkSize} long (all but the last). */
    UploadOpened opened(int chunkSize) {
        return UploadOpened.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setFileName("photo.jpg").setContentType("image/jpeg")
                .setSize(size()).setChunkSize(chunkSize).setChunkCount(chunks.size())
                .setIdleTtlMillis(Duration.ofHours(1).toMillis()).setExpiresAt(Instant.now().plus(Duration.ofDays(1)))
                .build();
    }

    /** The session processor's acceptance of {@link #opened}; {@code repeated} for a retried create's. */
    UploadAccepted accepted(int chunkSize, boolean repeated) {
        return UploadAccepted.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setCausationId(UUID.randomUUID().toString())
                .setSize(size()).setChunkSize(chunkSize).setChunkCount(chunks.size())
                .setExpiresAt(Instant.now().plus(Duration.ofDays(1))).setContentType("image/jpeg")
                .setRepeated(repeated).build();
    }

    ChunkReceived chunkReceived(int index) {
        return chunkReceived(index, chunks.get(index));
    }

    /** A chunk event with these bytes and their true digest, under a fresh event id. */
    ChunkReceived chunkReceived(int index, byte[] bytes) {
        return ChunkReceived.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setIndex(index).setLength(bytes.length)
                .setSha256(ChunkVerification.sha256Hex(bytes)).setBytes(ByteBuffer.wrap(bytes)).build();
    }

    String chunkKey(int index) {
        return ObjectKeys.chunk(uploadId, index, ChunkVerification.sha256Hex(chunks.get(index)));
    }

    String assetKey() {
        return ObjectKeys.asset(TENANT, UploadIds.assetIdFor(uploadId));
    }

    long size() {
        return chunks.stream().mapToLong(chunk -> chunk.length).sum();
    }

    String sha256() throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        chunks.forEach(digest::update);
        return HexFormat.of().formatHex(digest.digest());
    }

    /** What the session processor decides once every chunk is stored and the hash matches. */
    UploadVerified verified() throws Exception {
        List<ChunkRef> refs = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            refs.add(new ChunkRef(i, chunks.get(i).length, ChunkVerification.sha256Hex(chunks.get(i)), chunkKey(i)));
        }
        return UploadVerified.newBuilder().setEventId(UUID.randomUUID().toString()).setUploadId(uploadId)
                .setTenant(TENANT).setTimestamp(Instant.now()).setCausationId(UUID.randomUUID().toString())
                .setAssetId(UploadIds.assetIdFor(uploadId)).setFileName("photo.jpg").setContentType("image/jpeg")
                .setSize(size()).setSha256(sha256()).setDerivativeOf(null).setMetadata(Map.of("album", "summer"))
                .setChunks(refs).build();
    }
}
