package io.sluice.session.domain;

import io.sluice.session.domain.UploadEvent.AbortRejected;
import io.sluice.session.domain.UploadEvent.ChunkAccepted;
import io.sluice.session.domain.UploadEvent.ChunkRejected;
import io.sluice.session.domain.UploadEvent.FinishRejected;
import io.sluice.session.domain.UploadEvent.UploadAborted;
import io.sluice.session.domain.UploadEvent.UploadCompleted;
import io.sluice.session.domain.UploadEvent.UploadExpired;
import io.sluice.session.domain.UploadEvent.UploadFailed;
import io.sluice.session.domain.UploadEvent.UploadVerified;
import io.sluice.upload.Violation;
import io.sluice.upload.rules.ChunkIndexRule;
import io.sluice.upload.rules.ChunkLengthRule;
import io.sluice.upload.rules.ParkingRule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One upload's state and the rules that move it. Each command returns the events it decided, in
 * order, and leaves the session in the state those events describe; a rejection changes nothing.
 *
 * <p>Invariants kept here (docs/contract.md): an accepted chunk's bytes never change (I6); FINISHING and then
 * FINISHED only with every chunk received, hashed and stored and the size and SHA-256 matching (I2);
 * terminal states are final.
 */
public final class UploadSession {

    /** Missing chunks a refused finish names at most; the count says how many there are. */
    public static final int MAX_MISSING_LISTED = 1000;

    private final UploadSpec spec;
    private final SessionData data;
    private final ParkedChunks parkedChunks;
    private final ChunkEntries chunks;

    private UploadSession(UploadSpec spec, SessionData data, ParkedChunks parkedChunks, ChunkEntries chunks) {
        this.spec = spec;
        this.data = data;
        this.parkedChunks = parkedChunks;
        this.chunks = chunks;
    }

    /** A new session for an upload that was just opened. */
    public static UploadSession open(UploadSpec spec, long nowMillis, ParkedChunks parkedChunks, ChunkEntries chunks) {
        return new UploadSession(spec, SessionData.fresh(nowMillis), parkedChunks, chunks);
    }

    /** A session rebuilt from its persisted state. */
    public static UploadSession restore(UploadSpec spec, SessionData data, ParkedChunks parkedChunks,
            ChunkEntries chunks) {
        if (data.receivedCount() > spec.chunkCount()) {
            throw new IllegalArgumentException("session data does not match the spec's chunk count");
        }
        return new UploadSession(spec, data, parkedChunks, chunks);
    }

    public UploadSpec spec() {
        return spec;
    }

    /** The persistable state; live, not a copy. */
    public SessionData data() {
        return data;
    }

    public UploadState state() {
        return data.state();
    }

    /**
     * A chunk's bytes arrived. Accepted when it is new and well-formed: hashed at once if it is at
     * the hash frontier (then any parked successors are absorbed), else parked while the parked
     * bytes stay within {@code parkedLimit}.
     */
    public List<UploadEvent> receiveChunk(int index, ChunkBytes bytes, byte[] claimedSha256, long nowMillis,
            long parkedLimit) {
        byte[] actualSha = bytes.sha256();
        if (data.state().isTerminal()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.forTerminal(data.state()), null));
        }
        Optional<Violation> misfit = ChunkIndexRule.check(index, spec.grid())
                .or(() -> ChunkLengthRule.check(spec.grid(), index, bytes.length()));
        if (misfit.isPresent()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.of(misfit.get().code()),
                    misfit.get().detail()));
        }
        if (claimedSha256 != null && !Arrays.equals(claimedSha256, actualSha)) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.DIGEST_MISMATCH,
                    "the chunk's SHA-256 does not match its bytes"));
        }
        ChunkEntry entry = chunks.get(spec.uploadId(), index);
        if (entry != null && entry.isAccepted()) {
            if (Arrays.equals(entry.accepted(), actualSha)) return List.of(); // same bytes again: nothing changes
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.CHUNK_CONFLICT,
                    "chunk " + index + " was already accepted with different bytes"));
        }
        data.touch(nowMillis);
        if (index == data.hashFrontier()) {
            RollingSha256 hash = data.hash();
            bytes.hashInto(hash);
            accept(index, entry, actualSha);
            data.advanceFrontier(bytes.length());
            absorbParked(hash);
            data.saveHash(hash);
            return afterProgress(List.of(new ChunkAccepted(index, bytes.length(), actualSha, false)));
        }
        if (index < data.hashFrontier()) {
            throw new IllegalStateException("chunk " + index + " is behind the frontier but was never accepted");
        }
        Optional<Violation> tooFarAhead = ParkingRule.check(index, data.hashFrontier(), false, data.parkedBytes(),
                bytes.length(), parkedLimit);
        if (tooFarAhead.isPresent()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.TOO_FAR_AHEAD, tooFarAhead.get().detail()));
        }
        parkedChunks.park(spec.uploadId(), index, bytes.copy());
        accept(index, entry, actualSha);
        data.addParked(bytes.length());
        return List.of(new ChunkAccepted(index, bytes.length(), actualSha, true));
    }

    /**
     * The blob writer stored a chunk's bytes under the object named by its SHA-256. Recorded in every
     * state, also once the upload has ended: reports arrive on another topic than the requests, and a
     * replay interleaves the two by timestamp where live processing took them as they came, so the
     * stored set must not depend on whether a report came before or after the upload ended (contract I5).
     */
    public List<UploadEvent> chunkStored(int index, byte[] sha256) {
        if (index < 0 || index >= spec.chunkCount()) return List.of();
        ChunkEntry entry = chunks.get(spec.uploadId(), index);
        ChunkEntry updated = entry == null ? ChunkEntry.reported(sha256) : entry.withReport(sha256);
        if (!updated.equals(entry)) {
            chunks.put(spec.uploadId(), index, updated);
            if (updated.stored() && (entry == null || !entry.stored())) data.countStored();
        }
        if (data.state().isTerminal()) return List.of();
        return afterProgress(List.of());
    }

    /**
     * The client asks to finish with the whole file's size and SHA-256. Refused (upload unchanged)
     * while chunks are missing; FAILED on a size or hash mismatch; FINISHING otherwise, and verified
     * as soon as every chunk is stored. A finish without a hash ({@code sha256} null) is checked
     * against the hash declared at opening, if any; the upload's hash is then the one computed here.
     */
    public List<UploadEvent> requestFinish(long size, byte[] sha256, long nowMillis) {
        switch (data.state()) {
            case FINISHING, FINISHED -> {
                boolean sameHash = sha256 == null || Arrays.equals(sha256, data.finishSha256());
                if (size == spec.size() && sameHash) return List.of();
                return List.of(new FinishRejected(data.state() == UploadState.FINISHED
                        ? RejectionReason.UPLOAD_FINISHED : RejectionReason.INVALID_REQUEST, List.of(),
                        "the upload is already finishing with a different size or SHA-256"));
            }
            case FAILED, ABORTED, EXPIRED -> {
                return List.of(new FinishRejected(RejectionReason.forTerminal(data.state()), List.of(), null));
            }
            case OPEN -> { /* decided below */ }
        }
        data.touch(nowMillis);
        if (size != spec.size()) {
            return fail(FailureReason.SIZE_MISMATCH, Long.toString(spec.size()), Long.toString(size));
        }
        int missingCount = spec.chunkCount() - data.receivedCount();
        if (missingCount > 0) {
            return List.of(new FinishRejected(RejectionReason.CHUNKS_MISSING, missing(MAX_MISSING_LISTED),
                    missingCount + " of " + spec.chunkCount() + " chunks missing"));
        }
        byte[] actual = data.hash().peek();
        byte[] declared = spec.declaredSha256();
        byte[] expected = sha256 != null ? sha256 : declared;
        if ((expected != null && !Arrays.equals(expected, actual))
                || (declared != null && !Arrays.equals(declared, actual))) {
            return fail(FailureReason.CHECKSUM_MISMATCH, Sha256.hex(expected), Sha256.hex(actual));
        }
        data.finishing(actual);
        return afterProgress(List.of());
    }

    /** The client gives up the upload; repeating it changes nothing. */
    public List<UploadEvent> abort(long nowMillis) {
        return switch (data.state()) {
            case ABORTED -> List.of();
            case FINISHED, FAILED, EXPIRED -> List.of(new AbortRejected(RejectionReason.forTerminal(data.state())));
            case OPEN, FINISHING -> {
                dropParked();
                data.end(UploadState.ABORTED, nowMillis);
                yield List.of(new UploadAborted());
            }
        };
    }

    /** Whether the upload has been idle for at least {@code ttl} at {@code nowMillis}. */
    public boolean isIdle(long nowMillis, Duration ttl) {
        return !data.state().isTerminal() && nowMillis - data.lastActivityMillis() >= ttl.toMillis();
    }

    /** Applies an expiry decision that was made (and logged) earlier; replays apply the same one. */
    public List<UploadEvent> expire(long decidedAtMillis) {
        if (data.state().isTerminal()) return List.of();
        long idleSince = data.lastActivityMillis();
        dropParked();
        data.end(UploadState.EXPIRED, decidedAtMillis);
        return List.of(new UploadExpired(idleSince));
    }

    /** The index projector made the asset durable and announced {@code UploadFinished} at {@code atMillis}. */
    public List<UploadEvent> completed(String assetId, long atMillis) {
        if (data.state() != UploadState.FINISHING || !data.verified()) return List.of();
        data.complete(assetId, atMillis);
        return List.of(new UploadCompleted(assetId));
    }

    /**
     * When the upload ended (its terminal event's time), or empty while it has not. An upload that
     * ended before end times were kept counts its last activity.
     */
    public java.util.OptionalLong endedAt() {
        if (!data.state().isTerminal()) return java.util.OptionalLong.empty();
        return java.util.OptionalLong.of(data.endedAtMillis() > 0 ? data.endedAtMillis() : data.lastActivityMillis());
    }

    /** Whether the upload ended at least {@code retention} before {@code nowMillis}, so it may be forgotten. */
    public boolean isPastRetention(long nowMillis, Duration retention) {
        java.util.OptionalLong ended = endedAt();
        return ended.isPresent() && nowMillis - ended.getAsLong() >= retention.toMillis();
    }

    private static ChunkRejected rejectChunk(int index, ChunkBytes bytes, byte[] sha256, RejectionReason reason,
            String detail) {
        return new ChunkRejected(index, bytes.length(), sha256, reason, detail);
    }

    /** Indexes of chunks not yet accepted, ascending, at most {@code limit} of them. */
    public List<Integer> missing(int limit) {
        List<Integer> missing = new ArrayList<>();
        int[] next = {0};
        chunks.scan(spec.uploadId(), 0, (index, entry) -> {
            if (!entry.isAccepted()) return true;
            for (int gap = next[0]; gap < index && missing.size() < limit; gap++) missing.add(gap);
            next[0] = index + 1;
            return missing.size() < limit;
        });
        for (int gap = next[0]; gap < spec.chunkCount() && missing.size() < limit; gap++) missing.add(gap);
        return missing;
    }

    /** Each accepted chunk's SHA-256 by index, ascending, at most {@code limit} of them. */
    public SortedMap<Integer, byte[]> accepted(int limit) {
        SortedMap<Integer, byte[]> accepted = new TreeMap<>();
        chunks.scan(spec.uploadId(), 0, (index, entry) -> {
            if (entry.isAccepted()) accepted.put(index, entry.accepted());
            return accepted.size() < limit;
        });
        return accepted;
    }

    /** Indexes of accepted chunks whose accepted bytes are stored, ascending, at most {@code limit} of them. */
    public List<Integer> stored(int limit) {
        List<Integer> stored = new ArrayList<>();
        chunks.scan(spec.uploadId(), 0, (index, entry) -> {
            if (entry.stored()) stored.add(index);
            return stored.size() < limit;
        });
        return stored;
    }

    private void accept(int index, ChunkEntry entry, byte[] sha256) {
        ChunkEntry accepted = (entry == null ? new ChunkEntry(null, false, new byte[0]) : entry).accept(sha256);
        chunks.put(spec.uploadId(), index, accepted);
        data.countAccepted(accepted.stored());
    }

    private boolean isAccepted(int index) {
        ChunkEntry entry = chunks.get(spec.uploadId(), index);
        return entry != null && entry.isAccepted();
    }

    private void absorbParked(RollingSha256 hash) {
        while (data.hashFrontier() < spec.chunkCount() && isAccepted(data.hashFrontier())) {
            int index = data.hashFrontier();
            byte[] bytes = parkedChunks.take(spec.uploadId(), index);
            hash.update(bytes, 0, bytes.length);
            data.addParked(-bytes.length);
            data.advanceFrontier(bytes.length);
        }
    }

    /** FINISHING becomes verified once every chunk's stored bytes are the accepted ones. */
    private List<UploadEvent> afterProgress(List<UploadEvent> events) {
        if (data.state() != UploadState.FINISHING || data.verified() || data.storedCount() < spec.chunkCount()) {
            return events;
        }
        data.markVerified();
        List<UploadEvent> out = new ArrayList<>(events);
        out.add(new UploadVerified(spec.size(), data.finishSha256(), List.copyOf(accepted(spec.chunkCount()).values())));
        return out;
    }

    private List<UploadEvent> fail(FailureReason reason, String expected, String actual) {
        dropParked();
        data.fail(new Failure(reason, expected, actual));
        return List.of(new UploadFailed(reason, expected, actual));
    }

    private void dropParked() {
        if (data.parkedBytes() == 0) return;
        chunks.scan(spec.uploadId(), data.hashFrontier(), (index, entry) -> {
            if (entry.isAccepted()) parkedChunks.discard(spec.uploadId(), index);
            return true;
        });
        data.addParked(-data.parkedBytes());
    }
}
