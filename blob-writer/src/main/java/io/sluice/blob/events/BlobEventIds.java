package io.sluice.blob.events;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids of what the blob writer emits, derived from what caused it (name-based UUIDs), so a redelivered
 * input produces an event with the same id and consumers can recognise the duplicate. Each kind has
 * its own prefix: the session processor derives its decisions' ids from the same request ids.
 */
public final class BlobEventIds {

    private BlobEventIds() {}

    /** The id of the {@code ChunkStored} for the {@code ChunkReceived} with this id. */
    public static String chunkStored(String chunkReceivedEventId) {
        return nameBased("blob-writer/ChunkStored/" + chunkReceivedEventId);
    }

    /** The id of the {@code AssetStored} for the {@code UploadVerified} with this id. */
    public static String assetStored(String uploadVerifiedEventId) {
        return nameBased("blob-writer/AssetStored/" + uploadVerifiedEventId);
    }

    private static String nameBased(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
