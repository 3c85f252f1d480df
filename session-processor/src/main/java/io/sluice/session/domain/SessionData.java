package io.sluice.session.domain;

/**
 * The persisted part of an upload session that is not per chunk, mutated only by
 * {@link UploadSession}: its state, how many chunks are received and stored, the hash frontier
 * and the SHA-256 midstate, the finish, and its times. Its size does not depend on the chunk
 * count: each chunk's own state is a {@link ChunkEntry} in {@link ChunkEntries}. The chunks parked
 * ahead of the hash frontier are exactly the accepted ones at or past the frontier.
 */
public final class SessionData {

    private UploadState state;
    private int receivedCount;
    private int storedCount;
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
    public SessionData(UploadState state, int receivedCount, int storedCount, int hashFrontier, long bytesHashed,
            byte[] hashState, long parkedBytes, byte[] finishSha256, boolean verified, String assetId, Failure failure,
            long createdAtMillis, long lastActivityMillis, long endedAtMillis) {
        if (receivedCount < 0 || storedCount < 0 || storedCount > receivedCount) {
            throw new IllegalArgumentException("chunk counts out of order: " + receivedCount + " received, "
                    + storedCount + " stored");
        }
        this.state = state;
        this.receivedCount = receivedCount;
        this.storedCount = storedCount;
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

    static SessionData fresh(long nowMillis) {
        return new SessionData(UploadState.OPEN, 0, 0, 0, 0, RollingSha256.start().encodedState(), 0, null, false,
                null, null, nowMillis, nowMillis, 0);
    }

    public SessionData copy() {
        return new SessionData(state, receivedCount, storedCount, hashFrontier, bytesHashed, hashState.clone(),
                parkedBytes, finishSha256, verified, assetId, failure, createdAtMillis, lastActivityMillis, endedAtMillis);
    }

    public UploadState state() { return state; }
    /** Chunks accepted (hashed or parked). */
    public int receivedCount() { return receivedCount; }
    /** Accepted chunks whose accepted bytes are stored. */
    public int storedCount() { return storedCount; }
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

    RollingSha256 hash() {
        return RollingSha256.resume(hashState);
    }

    void saveHash(RollingSha256 hash) {
        hashState = hash.encodedState();
    }

    void countAccepted(boolean alreadyStored) {
        receivedCount++;
        if (alreadyStored) storedCount++;
    }

    void countStored() {
        storedCount++;
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

    void complete(String assetId, long atMillis) {
        this.assetId = assetId;
        end(UploadState.FINISHED, atMillis);
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
