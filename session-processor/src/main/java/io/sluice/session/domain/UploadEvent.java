package io.sluice.session.domain;

import java.util.List;

/** What the session decided; each becomes an event on the decisions topic. */
public sealed interface UploadEvent {

    /** The upload exists and accepts chunks. */
    record UploadAccepted(UploadSpec spec) implements UploadEvent {}

    /** An open request for an upload id that already exists with a different spec. */
    record UploadRejected(RejectionReason reason, String detail) implements UploadEvent {}

    /** The chunk is part of the file: hashed, or parked until the frontier reaches it. */
    record ChunkAccepted(int index, int length, byte[] sha256, boolean parked) implements UploadEvent {}

    record ChunkRejected(int index, int length, byte[] sha256, RejectionReason reason, String detail) implements UploadEvent {}

    /** The finish request was refused; the upload is unchanged (e.g. chunks missing, upload still open). */
    record FinishRejected(RejectionReason reason, List<Integer> missing, String detail) implements UploadEvent {}

    /**
     * Every chunk received, hashed and stored, size and hash match: the blob writer may assemble.
     *
     * @param chunkSha256 the accepted SHA-256 of each chunk, in index order (names the chunk objects)
     */
    record UploadVerified(long size, byte[] sha256, List<byte[]> chunkSha256) implements UploadEvent {}

    record UploadFailed(FailureReason reason, String expected, String actual) implements UploadEvent {}

    /** The abort was refused: the upload already ended otherwise. */
    record AbortRejected(RejectionReason reason) implements UploadEvent {}

    record UploadAborted() implements UploadEvent {}

    record UploadExpired(long idleSinceMillis) implements UploadEvent {}

    /** The asset is indexed and {@code UploadFinished} was emitted. */
    record UploadCompleted(String assetId) implements UploadEvent {}
}
