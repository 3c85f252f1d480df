package io.sluice.upload;

import java.util.Map;

/**
 * What a request to open an upload says, whoever sent it: the fields the rules look at, as they
 * came (nothing checked yet).
 *
 * @param chunkSize as named by the request (already defaulted by the API when it named none)
 * @param sha256 the whole file's SHA-256 as hex, or null
 * @param idempotencyKey or null
 * @param derivativeAssetId the original's asset id when this is a derivative, else null
 * @param derivativeRole its role in lower case when this is a derivative, else null
 * @param metadata free-form client metadata (may be empty, not null)
 */
public record Opening(String tenant, String fileName, String contentType, long size, long chunkSize, String sha256,
        String idempotencyKey, String derivativeAssetId, String derivativeRole, Map<String, String> metadata) {}
