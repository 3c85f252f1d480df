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

/**
 * One upload's state and the rules that move it. Each command returns the events it decided, in
 * order, and leaves the session in the state those events describe; a rejection changes nothing.
 *
 * <p>Invariants kept here (docs/contract.md): an accepted chunk's bytes never change (I6); FINISHING and then
 * FINISHED only with every chunk received, hashed and stored and the size and SHA-256 matching (I2);
 * terminal states are final.
 */
public final class UploadSession {

    private final UploadSpec spec;
    private final SessionData data;
    private final ParkedChunks parkedChunks;

    private UploadSession(UploadSpec spec, SessionData data, ParkedChunks parkedChunks) {
        this.spec = spec;
        this.data = data;
        this.parkedChunks = parkedChunks;
    }

    /** A new session for an upload that was just opened. */
    public static UploadSession open(UploadSpec spec, long nowMillis, ParkedChunks parkedChunks) {
        return new UploadSession(spec, SessionData.fresh(spec.chunkCount(), nowMillis), parkedChunks);
    }

    /** A session rebuilt from its persisted state. */
    public static UploadSession restore(UploadSpec spec, SessionData data, ParkedChunks parkedChunks) {
        if (data.acceptedSha256().length != spec.chunkCount()) {
            throw new IllegalArgumentException("session data does not match the spec's chunk count");
        }
        return new UploadSession(spec, data, parkedChunks);
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
    public List<UploadEvent> receiveChunk(int index, byte[] bytes, byte[] claimedSha256, long nowMillis,
            long parkedLimit) {
        byte[] actualSha = Sha256.of(bytes);
        if (data.state().isTerminal()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.forTerminal(data.state()), null));
        }
        Optional<Violation> misfit = ChunkIndexRule.check(index, spec.grid())
                .or(() -> ChunkLengthRule.check(spec.grid(), index, bytes.length));
        if (misfit.isPresent()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.of(misfit.get().code()),
                    misfit.get().detail()));
        }
        if (claimedSha256 != null && !Arrays.equals(claimedSha256, actualSha)) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.DIGEST_MISMATCH,
                    "the chunk's SHA-256 does not match its bytes"));
        }
        byte[] accepted = data.acceptedSha256()[index];
        if (accepted != null) {
            if (Arrays.equals(accepted, actualSha)) return List.of(); // same bytes again: nothing changes
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.CHUNK_CONFLICT,
                    "chunk " + index + " was already accepted with different bytes"));
        }
        data.touch(nowMillis);
        if (index == data.hashFrontier()) {
            RollingSha256 hash = data.hash();
            hash.update(bytes, 0, bytes.length);
            data.accept(index, actualSha);
            data.advanceFrontier(bytes.length);
            absorbParked(hash);
            data.saveHash(hash);
            return afterProgress(List.of(new ChunkAccepted(index, bytes.length, actualSha, false)));
        }
        if (index < data.hashFrontier()) {
            throw new IllegalStateException("chunk " + index + " is behind the frontier but was never accepted");
        }
        Optional<Violation> tooFarAhead = ParkingRule.check(index, data.hashFrontier(), false, data.parkedBytes(),
                bytes.length, parkedLimit);
        if (tooFarAhead.isPresent()) {
            return List.of(rejectChunk(index, bytes, actualSha, RejectionReason.TOO_FAR_AHEAD, tooFarAhead.get().detail()));
        }
        parkedChunks.park(spec.uploadId(), index, bytes);
        data.accept(index, actualSha);
        data.addParked(bytes.length);
        return List.of(new ChunkAccepted(index, bytes.length, actualSha, true));
    }

    /**
     * The blob writer stored a chunk's bytes under the object named by its SHA-256. Recorded in every
     * state, also once the upload has ended: reports arrive on another topic than the requests, and a
     * replay interleaves the two by timestamp where live processing took them as they came, so the
     * stored set must not depend on whether a report came before or after the upload ended (contract I5).
     */
    public List<UploadEvent> chunkStored(int index, byte[] sha256) {
        if (index < 0 || index >= spec.chunkCount()) return List.of();
        data.recordStored(index, sha256);
        if (data.state().isTerminal()) return List.of();
        return afterProgress(List.of());
    }

    /**
     * The client asks to finish with the whole file's size and SHA-256. Refused (upload unchanged)
     * while chunks are missing; FAILED on a size or hash mismatch; FINISHING otherwise, and verified
     * as soon as every chunk is stored.
     */
    public List<UploadEvent> requestFinish(long size, byte[] sha256, long nowMillis) {
        switch (data.state()) {
            case FINISHING, FINISHED -> {
                if (size == spec.size() && Arrays.equals(sha256, data.finishSha256())) return List.of();
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
        List<Integer> missing = data.missing();
        if (!missing.isEmpty()) {
            return List.of(new FinishRejected(RejectionReason.CHUNKS_MISSING, missing,
                    missing.size() + " of " + spec.chunkCount() + " chunks missing"));
        }
        byte[] actual = data.hash().peek();
        byte[] declared = spec.declaredSha256();
        if (!Arrays.equals(sha256, actual) || (declared != null && !Arrays.equals(declared, actual))) {
            return fail(FailureReason.CHECKSUM_MISMATCH, Sha256.hex(sha256), Sha256.hex(actual));
        }
        data.finishing(sha256);
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

    /** The index projector made the asset durable and announced {@code UploadFinished}. */
    public List<UploadEvent> completed(String assetId) {
        if (data.state() != UploadState.FINISHING || !data.verified()) return List.of();
        data.complete(assetId);
        return List.of(new UploadCompleted(assetId));
    }

    private static ChunkRejected rejectChunk(int index, byte[] bytes, byte[] sha256, RejectionReason reason,
            String detail) {
        return new ChunkRejected(index, bytes.length, sha256, reason, detail);
    }

    private void absorbParked(RollingSha256 hash) {
        byte[][] accepted = data.acceptedSha256();
        while (data.hashFrontier() < spec.chunkCount() && accepted[data.hashFrontier()] != null) {
            int index = data.hashFrontier();
            byte[] bytes = parkedChunks.take(spec.uploadId(), index);
            hash.update(bytes, 0, bytes.length);
            data.addParked(-bytes.length);
            data.advanceFrontier(bytes.length);
        }
    }

    /** FINISHING becomes verified once every chunk's stored bytes are the accepted ones. */
    private List<UploadEvent> afterProgress(List<UploadEvent> events) {
        if (data.state() != UploadState.FINISHING || data.verified() || !data.allStored()) return events;
        data.markVerified();
        List<UploadEvent> out = new ArrayList<>(events);
        out.add(new UploadVerified(spec.size(), data.finishSha256(), List.of(data.acceptedSha256())));
        return out;
    }

    private List<UploadEvent> fail(FailureReason reason, String expected, String actual) {
        dropParked();
        data.fail(new Failure(reason, expected, actual));
        return List.of(new UploadFailed(reason, expected, actual));
    }

    private void dropParked() {
        byte[][] accepted = data.acceptedSha256();
        for (int index = data.hashFrontier(); index < accepted.length; index++) {
            if (accepted[index] != null) parkedChunks.discard(spec.uploadId(), index);
        }
        data.addParked(-data.parkedBytes());
    }
}
