package io.sluice.projections;

import io.sluice.events.AssetIndexEntry;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.UploadState;
import io.sluice.events.UploadStatus;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Statuses and index entries as the session processor and the index projector write them. */
final class Samples {

    static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private Samples() {}

    /** A tenant no other test uses (the broker and its topics are shared by the JVM's tests). */
    static String newTenant() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static UploadStatus status(String uploadId, UploadState state, long bytesHashed) {
        return UploadStatus.newBuilder().setUploadId(uploadId).setTenant("acme").setUpdatedAt(T0).setState(state)
                .setFileName("photo.jpg").setContentType("image/jpeg").setSize(1000).setChunkSize(100)
                .setChunkCount(10)
                .setBytesHashed(bytesHashed).setParkedBytes(0).setCreatedAt(T0).setLastActivityAt(T0)
                .setExpiresAt(T0.plusSeconds(3600)).build();
    }

    static AssetIndexEntry entry(String tenant, Instant createdAt) {
        return entry(tenant, createdAt, null);
    }

    static AssetIndexEntry entry(String tenant, Instant createdAt, DerivativeLink derivativeOf) {
        String uploadId = UploadIds.newUploadId();
        String assetId = UploadIds.assetIdFor(uploadId);
        return AssetIndexEntry.newBuilder().setAssetId(assetId).setTenant(tenant).setUploadId(uploadId)
                .setFileName("photo.jpg").setContentType("image/jpeg").setSize(1000).setSha256("ab".repeat(32))
                .setObjectKey(ObjectKeys.asset(tenant, assetId)).setCreatedAt(createdAt)
                .setDerivativeOf(derivativeOf).setMetadata(Map.of()).build();
    }

    static DerivativeLink derivativeOf(AssetIndexEntry original, DerivativeRole role) {
        return new DerivativeLink(original.getAssetId(), role);
    }
}
