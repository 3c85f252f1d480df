package io.sluice.ingest;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.events.RequestKind;
import io.sluice.events.RequestOutcome;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.serde.EventClassTrust;
import io.sluice.schemas.keys.UploadIds;
import java.time.Instant;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** Statuses, outcomes and index entries as the session processor and index projector would write them. */
public final class Samples {

    public static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678Z");

    static {
        EventClassTrust.trustEventClasses(); // the builders instantiate nested event classes for defaults
    }

    private Samples() {}

    /** An OPEN upload of {@code size} bytes in chunks of {@code chunkSize}, nothing received. */
    public static UploadStatus.Builder status(String uploadId, String tenant, long size, int chunkSize) {
        int chunkCount = (int) ((size + chunkSize - 1) / chunkSize);
        return UploadStatus.newBuilder()
                .setUploadId(uploadId).setTenant(tenant).setUpdatedAt(NOW).setState(UploadState.OPEN)
                .setFileName("photo.jpg").setContentType("image/jpeg")
                .setSize(size).setChunkSize(chunkSize).setChunkCount(chunkCount)
                .setBytesHashed(0).setParkedBytes(0)
                .setCreatedAt(NOW).setLastActivityAt(NOW).setExpiresAt(NOW.plusSeconds(86_400));
    }

    public static BitSet bits(int... indexes) {
        BitSet bits = new BitSet();
        for (int index : indexes) bits.set(index);
        return bits;
    }

    public static RequestOutcome accepted(String requestId, RequestKind kind) {
        return new RequestOutcome(requestId, kind, true, null, null, List.of(), NOW);
    }

    public static RequestOutcome refused(String requestId, RequestKind kind, io.sluice.events.RejectionReason reason,
            List<Integer> missing) {
        return new RequestOutcome(requestId, kind, false, reason, "refused", missing, NOW);
    }

    /** A finished asset of {@code tenant}, optionally a derivative of another asset. */
    public static AssetIndexEntry asset(String tenant, long size, String sha256, DerivativeLink derivativeOf) {
        String uploadId = UploadIds.newUploadId();
        String assetId = UploadIds.assetIdFor(uploadId);
        return AssetIndexEntry.newBuilder()
                .setAssetId(assetId).setTenant(tenant).setUploadId(uploadId)
                .setFileName("photo.jpg").setContentType("image/jpeg").setSize(size).setSha256(sha256)
                .setObjectKey(ObjectKeys.asset(tenant, assetId)).setCreatedAt(NOW)
                .setDerivativeOf(derivativeOf).setMetadata(Map.of("camera", "x100"))
                .build();
    }
}
