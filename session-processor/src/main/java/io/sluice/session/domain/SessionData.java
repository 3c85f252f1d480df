package io.sluice.session.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The persisted part of an upload session, mutated only by {@link UploadSession}. Per chunk it keeps
 * the accepted SHA-256 (null until accepted) and the SHA-256s of the bytes the blob writer reported
 * stored. Reports can arrive before the chunk is processed here, and for bytes this session will
 * reject (a wrong length, a conflicting duplicate), so until a chunk is accepted every distinct
 * report is kept (concatenated 32-byte digests, at most {@link #MAX_PENDING_REPORTS}); once it is
 * accepted only the report for the accepted bytes counts. The chunks parked ahead of the hash
 * frontier are exactly the accepted ones at or past the frontier.
 */
public final class SessionData {

    static final int MAX_PENDING_REPORTS = 8;

    private UploadState state;
    private final byte[][] acceptedSha256;
    private final byte[][] storedSha256;
    private int hashFrontier;
    private long bytesHashed;
    private byte[] hashState;
    private long parkedBytes;
    private byte[] finishSha256;
    private boolean verified;
    private String assetId;
    private Failure failure;
    private final long createdAtMillis;
    private long lastActivityMillis;
    private long endedAtMillis;

    @SuppressWarnings("ParameterNumber")
    public SessionData(UploadState state, byte[][] acceptedSha256, byte[][] storedSha256, int hashFrontier,
            long bytesHashed, byte[] hashState, long parkedBytes, byte[] finishSha256, boolean verified,
            String assetId, Failure failure, long createdAtMillis, long lastActivityMillis, long endedAtMillis) {
        if (acceptedSha256.length != storedSha256.length) throw new IllegalArgumentException("chunk arrays differ");
        this.state = state;
        this.acceptedSha256 = acceptedSha256;
        this.storedSha256 = storedSha256;
        this.hashFrontier = hashFrontier;
        this.bytesHashed = bytesHashed;
        this.hashState = hashState;
        this.parkedBytes = parkedBytes;
        this.finishSha256 = finishSha256;
        this.verified = verified;
        this.assetId = assetId;
        this.failure = failure;
        this.createdAtMillis = createdAtMillis;
        this.lastActivityMillis = lastActivityMillis;
        this.endedAtMillis = endedAtMillis;
    }

    static SessionData fresh(int chunkCount, long nowMillis) {
        return new SessionData(UploadState.OPEN, new byte[chunkCount][], new byte[chunkCount][], 0, 0,
                RollingSha256.start().encodedState(), 0, null, false, null, null, nowMillis, nowMillis, 0);
    }

    public UploadState state() { return state; }
    public byte[][] acceptedSha256() { return acceptedSha256; }
    public byte[][] storedSha256() { return storedSha256; }
    public int hashFrontier() { return hashFrontier; }
    public long bytesHashed() { return bytesHashed; }
    public byte[] hashState() { return hashState; }
    public long parkedBytes() { return parkedBytes; }
    public byte[] finishSha256() { return finishSha256; }
    public boolean verified() { return verified; }
    public String assetId() { return assetId; }
    public Failure failure() { return failure; }
    public long createdAtMillis() { return createdAtMillis; }
    public long lastActivityMillis() { return lastActivityMillis; }
    public long endedAtMillis() { return endedAtMillis; }

    /** Indexes of chunks not yet accepted, ascending. */
    public List<Integer> missing() {
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < acceptedSha256.length; i++) if (acceptedSha256[i] == null) missing.add(i);
        return missing;
    }

    /** Indexes of chunks accepted (hashed or parked), ascending. */
    public List<Integer> received() {
        List<Integer> received = new ArrayList<>();
        for (int i = 0; i < acceptedSha256.length; i++) if (acceptedSha256[i] != null) received.add(i);
        return received;
    }

    /** Indexes of accepted chunks whose accepted bytes are stored, ascending. */
    public List<Integer> stored() {
        List<Integer> stored = new ArrayList<>();
        for (int i = 0; i < acceptedSha256.length; i++) if (isStored(i)) stored.add(i);
        return stored;
    }

    boolean allStored() {
        for (int i = 0; i < acceptedSha256.length; i++) if (!isStored(i)) return false;
        return true;
    }

    private boolean isStored(int index) {
        return acceptedSha256[index] != null && Arrays.equals(acceptedSha256[index], storedSha256[index]);
    }

    private static boolean contains(byte[] reports, byte[] sha256) {
        if (reports == null) return false;
        for (int offset = 0; offset < reports.length; offset += Sha256.LENGTH) {
            if (Arrays.equals(reports, offset, offset + Sha256.LENGTH, sha256, 0, Sha256.LENGTH)) return true;
        }
        return false;
    }

    RollingSha256 hash() {
        return RollingSha256.resume(hashState);
    }

    void saveHash(RollingSha256 hash) {
        hashState = hash.encodedState();
    }

    void accept(int index, byte[] sha256) {
        acceptedSha256[index] = sha256;
        storedSha256[index] = contains(storedSha256[index], sha256) ? sha256 : null;
    }

    /** Records a stored report; see the class comment for which ones are kept. */
    void recordStored(int index, byte[] sha256) {
        if (acceptedSha256[index] != null) {
            if (Arrays.equals(acceptedSha256[index], sha256)) storedSha256[index] = sha256;
            return;
        }
        byte[] reports = storedSha256[index];
        if (contains(reports, sha256)) return;
        if (reports == null) {
            storedSha256[index] = sha256.clone();
            return;
        }
        int keep = Math.min(reports.length, (MAX_PENDING_REPORTS - 1) * Sha256.LENGTH); // the newest reports
        byte[] grown = new byte[keep + Sha256.LENGTH];
        System.arraycopy(reports, reports.length - keep, grown, 0, keep);
        System.arraycopy(sha256, 0, grown, keep, Sha256.LENGTH);
        storedSha256[index] = grown;
    }

    void advanceFrontier(int chunkLength) {
        hashFrontier++;
        bytesHashed += chunkLength;
    }

    void addParked(long delta) {
        parkedBytes += delta;
    }

    void touch(long nowMillis) {
        lastActivityMillis = Math.max(lastActivityMillis, nowMillis);
    }

    void finishing(byte[] sha256) {
        state = UploadState.FINISHING;
        finishSha256 = sha256;
    }

    void markVerified() {
        verified = true;
    }

    void complete(String assetId) {
        this.assetId = assetId;
        state = UploadState.FINISHED;
    }

    void fail(Failure failure) {
        this.failure = failure;
        end(UploadState.FAILED, lastActivityMillis);
    }

    void end(UploadState terminal, long atMillis) {
        state = terminal;
        endedAtMillis = atMillis;
    }
}
