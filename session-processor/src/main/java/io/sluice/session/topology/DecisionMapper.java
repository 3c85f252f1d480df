package io.sluice.session.topology;

import io.sluice.events.AbortRejected;
import io.sluice.events.ChunkAccepted;
import io.sluice.events.ChunkRef;
import io.sluice.events.ChunkRejected;
import io.sluice.events.FailureReason;
import io.sluice.events.FinishRejected;
import io.sluice.events.RejectionReason;
import io.sluice.events.UploadAborted;
import io.sluice.events.UploadDecision;
import io.sluice.events.UploadExpired;
import io.sluice.events.UploadFailed;
import io.sluice.events.UploadOpened;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import io.sluice.session.domain.Sha256;
import io.sluice.session.domain.UploadEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns the domain's decisions into decision events. Event ids and timestamps derive from the
 * request that caused them (its id, its timestamp), never from the clock or a random source, so a
 * replay writes the same decisions again (contract I5).
 */
final class DecisionMapper {

    private DecisionMapper() {}

    /** A decision's id: a name-based UUID of the causing event's id and the decision's position. */
    static String eventId(String causationId, int position) {
        return UUID.nameUUIDFromBytes((causationId + "#" + position).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * Returns null for domain events that are not published as decisions (completion).
     *
     * @param record the session; null only for rejections of requests naming no known upload
     */
    static UploadDecision toDecision(UploadEvent event, String uploadId, String tenant, SessionRecord record,
            String causationId, int position, Instant at) {
        String id = eventId(causationId, position);
        Object payload = switch (event) {
            case UploadEvent.ChunkAccepted a -> ChunkAccepted.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId).setIndex(a.index())
                    .setLength(a.length()).setSha256(Sha256.hex(a.sha256())).setDuplicate(false).setParked(a.parked())
                    .setBytesHashed(record.data.bytesHashed()).setExpiresAt(expiresAt(record)).build();
            case UploadEvent.ChunkRejected r -> ChunkRejected.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId).setIndex(r.index())
                    .setLength(r.length()).setSha256(Sha256.hex(r.sha256()))
                    .setReason(RejectionReason.valueOf(r.reason().name())).setDetail(r.detail()).build();
            case UploadEvent.FinishRejected r -> FinishRejected.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId)
                    .setReason(RejectionReason.valueOf(r.reason().name())).setMissing(r.missing())
                    .setDetail(r.detail()).build();
            case UploadEvent.AbortRejected r -> AbortRejected.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId)
                    .setReason(RejectionReason.valueOf(r.reason().name())).setDetail(null).build();
            case UploadEvent.UploadVerified v -> verified(v, record.opened, id, causationId, at);
            case UploadEvent.UploadFailed f -> failed(f, record.opened, id, causationId, at);
            case UploadEvent.UploadAborted a -> UploadAborted.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId).setReason(null).build();
            case UploadEvent.UploadExpired e -> UploadExpired.newBuilder().setEventId(id).setUploadId(uploadId)
                    .setTenant(tenant).setTimestamp(at).setCausationId(causationId)
                    .setLastActivityAt(Instant.ofEpochMilli(e.idleSinceMillis())).setExpiresAt(expiresAt(record))
                    .build();
            case UploadEvent.UploadAccepted a -> throw new IllegalArgumentException("opening is mapped by the processor");
            case UploadEvent.UploadRejected r -> throw new IllegalArgumentException("opening is mapped by the processor");
            case UploadEvent.UploadCompleted c -> null;
        };
        return payload == null ? null : new UploadDecision(payload);
    }

    static Instant expiresAt(SessionRecord record) {
        return Instant.ofEpochMilli(record.data.lastActivityMillis() + record.opened.getIdleTtlMillis());
    }

    private static UploadVerified verified(UploadEvent.UploadVerified v, UploadOpened opened, String id,
            String causationId, Instant at) {
        List<ChunkRef> chunks = new ArrayList<>(v.chunkSha256().size());
        var spec = SessionRecord.spec(opened);
        for (int i = 0; i < v.chunkSha256().size(); i++) {
            String sha = Sha256.hex(v.chunkSha256().get(i));
            chunks.add(new ChunkRef(i, spec.expectedLength(i), sha, ObjectKeys.chunk(opened.getUploadId(), i, sha)));
        }
        return UploadVerified.newBuilder().setEventId(id).setUploadId(opened.getUploadId())
                .setTenant(opened.getTenant()).setTimestamp(at).setCausationId(causationId)
                .setAssetId(UploadIds.assetIdFor(opened.getUploadId())).setFileName(opened.getFileName())
                .setContentType(opened.getContentType()).setSize(v.size()).setSha256(Sha256.hex(v.sha256()))
                .setDerivativeOf(opened.getDerivativeOf()).setMetadata(opened.getMetadata()).setChunks(chunks).build();
    }

    private static UploadFailed failed(UploadEvent.UploadFailed f, UploadOpened opened, String id,
            String causationId, Instant at) {
        UploadFailed.Builder builder = UploadFailed.newBuilder().setEventId(id).setUploadId(opened.getUploadId())
                .setTenant(opened.getTenant()).setTimestamp(at).setCausationId(causationId)
                .setReason(FailureReason.valueOf(f.reason().name()))
                .setDetail(f.reason().name().toLowerCase(java.util.Locale.ROOT) + ": expected " + f.expected()
                        + ", got " + f.actual());
        switch (f.reason()) {
            case SIZE_MISMATCH -> builder.setExpectedSize(Long.parseLong(f.expected())).setActualSize(Long.parseLong(f.actual()));
            case CHECKSUM_MISMATCH -> builder.setExpectedSha256(f.expected()).setActualSha256(f.actual());
        }
        return builder.build();
    }
}
