package io.sluice.session.topology;

import io.sluice.events.RejectedChunk;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadOpened;
import io.sluice.session.domain.ChunkEntries;
import io.sluice.session.domain.ParkedChunks;
import io.sluice.session.domain.Sha256;
import io.sluice.session.domain.SessionData;
import io.sluice.session.domain.UploadSession;
import io.sluice.session.domain.UploadSpec;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What the {@code upload-sessions} store keeps per upload: the request that opened it, the domain
 * session's data, and the recent rejections and request outcomes the status projection shows. Its
 * size is bounded whatever the chunk count (per-chunk state lives in {@link ChunkEntryStore}).
 */
final class SessionRecord {

    static final int MAX_REJECTED_CHUNKS = 50;
    static final int MAX_OUTCOMES = 16;

    final UploadOpened opened;
    final SessionData data;
    final Deque<RejectedChunk> rejectedChunks;
    final Deque<RequestOutcome> outcomes;

    SessionRecord(UploadOpened opened, SessionData data, Deque<RejectedChunk> rejectedChunks,
            Deque<RequestOutcome> outcomes) {
        this.opened = opened;
        this.data = data;
        this.rejectedChunks = rejectedChunks;
        this.outcomes = outcomes;
    }

    static SessionRecord open(UploadOpened opened, long nowMillis, ParkedChunks parked, ChunkEntries chunks) {
        UploadSession session = UploadSession.open(spec(opened), nowMillis, parked, chunks);
        return new SessionRecord(opened, session.data(), new ArrayDeque<>(), new ArrayDeque<>());
    }

    UploadSession session(ParkedChunks parked, ChunkEntries chunks) {
        return UploadSession.restore(spec(opened), data, parked, chunks);
    }

    static UploadSpec spec(UploadOpened opened) {
        byte[] declared = opened.getSha256() == null ? null : Sha256.fromHex(opened.getSha256());
        return new UploadSpec(opened.getUploadId(), opened.getTenant(), opened.getSize(), opened.getChunkSize(), declared);
    }

    void addRejection(RejectedChunk rejected) {
        rejectedChunks.addLast(rejected);
        while (rejectedChunks.size() > MAX_REJECTED_CHUNKS) rejectedChunks.removeFirst();
    }

    void addOutcome(RequestOutcome outcome) {
        outcomes.addLast(outcome);
        while (outcomes.size() > MAX_OUTCOMES) outcomes.removeFirst();
    }
}
