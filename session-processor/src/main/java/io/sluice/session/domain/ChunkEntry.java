package io.sluice.session.domain;

import java.util.Arrays;

/**
 * What a session knows about one of its chunks: the SHA-256 of the bytes it accepted (null until
 * then), whether the blob writer reported exactly those bytes stored, and — until the chunk is
 * accepted — every distinct stored report (at most {@value #MAX_PENDING_REPORTS}, newest kept).
 * Reports can arrive before the chunk is processed here, and for bytes this session will reject (a
 * wrong length, a conflicting duplicate), so until a chunk is accepted they are all kept; once it is
 * accepted only the report for the accepted bytes counts. Immutable.
 *
 * @param reports concatenated 32-byte digests; empty once accepted
 */
public record ChunkEntry(byte[] accepted, boolean stored, byte[] reports) {

    static final int MAX_PENDING_REPORTS = 8;
    private static final byte[] NONE = new byte[0];

    public ChunkEntry {
        if (accepted != null && accepted.length != Sha256.LENGTH) throw new IllegalArgumentException("not a SHA-256");
        if (stored && accepted == null) throw new IllegalArgumentException("only accepted bytes can count as stored");
        if (reports.length % Sha256.LENGTH != 0) throw new IllegalArgumentException("reports are 32-byte digests");
    }

    static ChunkEntry reported(byte[] sha256) {
        return new ChunkEntry(null, false, sha256.clone());
    }

    public boolean isAccepted() {
        return accepted != null;
    }

    /** The chunk accepted with {@code sha256}: stored at once if the blob writer already reported those bytes. */
    ChunkEntry accept(byte[] sha256) {
        return new ChunkEntry(sha256, hasReport(sha256), NONE);
    }

    /** The entry after a stored report; itself when the report changes nothing. */
    ChunkEntry withReport(byte[] sha256) {
        if (accepted != null) return !stored && Arrays.equals(accepted, sha256) ? new ChunkEntry(accepted, true, NONE) : this;
        if (hasReport(sha256)) return this;
        int keep = Math.min(reports.length, (MAX_PENDING_REPORTS - 1) * Sha256.LENGTH); // the newest reports
        byte[] grown = new byte[keep + Sha256.LENGTH];
        System.arraycopy(reports, reports.length - keep, grown, 0, keep);
        System.arraycopy(sha256, 0, grown, keep, Sha256.LENGTH);
        return new ChunkEntry(null, false, grown);
    }

    private boolean hasReport(byte[] sha256) {
        for (int offset = 0; offset < reports.length; offset += Sha256.LENGTH) {
            if (Arrays.equals(reports, offset, offset + Sha256.LENGTH, sha256, 0, Sha256.LENGTH)) return true;
        }
        return false;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChunkEntry that && Arrays.equals(accepted, that.accepted) && stored == that.stored
                && Arrays.equals(reports, that.reports);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(accepted) + Boolean.hashCode(stored)) + Arrays.hashCode(reports);
    }

    @Override
    public String toString() {
        return "ChunkEntry[accepted=" + (accepted == null ? null : Sha256.hex(accepted)) + ", stored=" + stored
                + ", reports=" + reports.length / Sha256.LENGTH + "]";
    }
}
