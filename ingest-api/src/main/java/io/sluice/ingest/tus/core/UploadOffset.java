package io.sluice.ingest.tus.core;

import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.ingest.tus.TusProtocol;
import io.sluice.upload.ChunkGrid;
import java.util.BitSet;

/**
 * tus core: "The Upload-Offset header's value MUST be a non-negative integer" and "the Server MUST
 * always indicate the current offset". Sluice's offset is the contiguous run of chunks the session
 * processor has accepted from chunk 0 — never beyond the last chunk's start while the upload is open,
 * so a client that resumes always sends the last chunk again and its PATCH finishes the upload
 * (re-sending a chunk with the same bytes changes nothing).
 */
public final class UploadOffset {

    private UploadOffset() {}

    /** The offset to report for an upload, from its status and its accepted chunks. */
    public static long of(UploadStatus status, BitSet received) {
        if (status.getState() == UploadState.FINISHING || status.getState() == UploadState.FINISHED) {
            return status.getSize();
        }
        long contiguous = (long) Math.min(received.nextClearBit(0), status.getChunkCount() - 1) * status.getChunkSize();
        return Math.min(contiguous, status.getSize());
    }

    /** The {@code Upload-Offset} of a request: a non-negative number. */
    public static long parse(String header) {
        if (header == null) throw invalid("Upload-Offset is required");
        try {
            long offset = Long.parseLong(header.trim());
            if (offset >= 0) return offset;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid("Upload-Offset must be a non-negative integer");
    }

    /**
     * "If the offsets do not match, the Server MUST respond with 409 Conflict": a PATCH may start at
     * any chunk boundary or at the upload's end (a repeated chunk changes nothing), never inside a chunk.
     */
    public static void checkStart(long offset, ChunkGrid grid) {
        if (offset != grid.size() && (offset > grid.size() || offset % grid.chunkSize() != 0)) {
            throw new ApiException(ProblemCode.OFFSET_MISMATCH, "Upload-Offset " + offset + " is not where the "
                    + "upload can go on; ask with HEAD").with("chunkSize", grid.chunkSize());
        }
    }

    private static ApiException invalid(String detail) {
        return new ApiException(ProblemCode.INVALID_REQUEST, detail).with("field", TusProtocol.UPLOAD_OFFSET);
    }
}
