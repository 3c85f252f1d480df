package io.sluice.blob.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.events.AssetStored;
import io.sluice.events.ChunkReceived;
import io.sluice.events.ChunkRef;
import io.sluice.events.ChunkStored;
import io.sluice.events.DerivativeLink;
import io.sluice.events.DerivativeRole;
import io.sluice.events.UploadVerified;
import io.sluice.schemas.keys.ObjectKeys;
import io.sluice.schemas.keys.UploadIds;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BlobEventsTest {

    private static final String UPLOAD_ID = "up_0123456789abcdef0123456789abcdef";
    private static final String SHA = "ab".repeat(32);
    private static final Instant STORED_AT = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void shouldDeriveTheSameIdFromTheSameCause() {
        assertThat(BlobEventIds.chunkStored("e-1")).isEqualTo(BlobEventIds.chunkStored("e-1"));
        assertThat(BlobEventIds.assetStored("v-1")).isEqualTo(BlobEventIds.assetStored("v-1"));
    }

    @Test
    void shouldDeriveDistinctIdsForDistinctCausesAndKinds() {
        assertThat(BlobEventIds.chunkStored("e-1")).isNotEqualTo(BlobEventIds.chunkStored("e-2"));
        assertThat(BlobEventIds.chunkStored("e-1")).isNotEqualTo(BlobEventIds.assetStored("e-1"));
    }

    @Test
    void shouldNotCollideWithTheIdOfTheSessionProcessorsDecisionOnTheSameRequest() {
        // the session processor names its decisions nameUUIDFromBytes(causationId + "#" + position)
        String decisionId = UUID.nameUUIDFromBytes("e-1#0".getBytes(StandardCharsets.UTF_8)).toString();

        assertThat(BlobEventIds.chunkStored("e-1")).isNotEqualTo(decisionId);
    }

    @Test
    void shouldReportAStoredChunkWithItsDigestKeyAndCause() {
        ChunkReceived chunk = ChunkReceived.newBuilder().setEventId("e-1").setUploadId(UPLOAD_ID).setTenant("acme")
                .setTimestamp(Instant.EPOCH).setIndex(7).setLength(3).setSha256(SHA.toUpperCase())
                .setBytes(ByteBuffer.wrap(new byte[3])).build();
        String key = ObjectKeys.chunk(UPLOAD_ID, 7, SHA);

        ChunkStored stored = (ChunkStored) BlobEvents.chunkStored(chunk, SHA, key, STORED_AT).getPayload();

        assertThat(stored).isEqualTo(ChunkStored.newBuilder().setEventId(BlobEventIds.chunkStored("e-1"))
                .setUploadId(UPLOAD_ID).setTenant("acme").setTimestamp(STORED_AT).setCausationId("e-1")
                .setIndex(7).setLength(3).setSha256(SHA).setObjectKey(key).build());
    }

    @Test
    void shouldCarryEverythingTheIndexNeedsFromTheVerifiedUpload() {
        String assetId = UploadIds.assetIdFor(UPLOAD_ID);
        DerivativeLink original = new DerivativeLink("as_" + "f".repeat(32), DerivativeRole.THUMBNAIL);
        UploadVerified verified = UploadVerified.newBuilder().setEventId("v-1").setUploadId(UPLOAD_ID).setTenant("acme")
                .setTimestamp(Instant.EPOCH).setCausationId("finish-1").setAssetId(assetId).setFileName("cat.png")
                .setContentType("image/png").setSize(3).setSha256(SHA).setDerivativeOf(original)
                .setMetadata(Map.of("camera", "x100"))
                .setChunks(List.of(new ChunkRef(0, 3, SHA, ObjectKeys.chunk(UPLOAD_ID, 0, SHA)))).build();
        String key = ObjectKeys.asset("acme", assetId);

        AssetStored stored = (AssetStored) BlobEvents.assetStored(verified, key, STORED_AT).getPayload();

        assertThat(stored).isEqualTo(AssetStored.newBuilder().setEventId(BlobEventIds.assetStored("v-1"))
                .setUploadId(UPLOAD_ID).setTenant("acme").setTimestamp(STORED_AT).setCausationId("v-1")
                .setAssetId(assetId).setObjectKey(key).setSize(3).setSha256(SHA).setFileName("cat.png")
                .setContentType("image/png").setDerivativeOf(original).setMetadata(Map.of("camera", "x100")).build());
    }
}
