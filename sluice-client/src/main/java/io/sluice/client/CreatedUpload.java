package io.sluice.client;

import java.time.Instant;

/** The answer to a create: the upload, the asset it will become, and how it is cut into chunks. */
public record CreatedUpload(String uploadId, String assetId, int chunkSize, int chunkCount, Instant expiresAt) {}
