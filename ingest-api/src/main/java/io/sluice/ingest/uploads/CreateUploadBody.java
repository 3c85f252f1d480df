package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.DerivativeRole;
import io.sluice.ingest.validation.JsonFields;
import io.sluice.ingest.validation.RuleViolations;
import io.sluice.upload.ChunkGrid;
import io.sluice.upload.Opening;
import io.sluice.upload.OpeningRules;
import io.sluice.upload.UploadLimits;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/uploads}: {@code {fileName,
 * contentType, size, chunkSize?, sha256?, idempotencyKey?, derivativeOf?: {assetId, role},
 * metadata?}}, checked by the upload rules ({@link OpeningRules}) — the same the session processor
 * applies to every opening, whoever sent it. Members the API does not know are ignored.
 *
 * @param chunkSize the client's, or {@code SLUICE_CHUNK_SIZE_DEFAULT} (larger if the default would give
 *     too many chunks)
 * @param sha256 lower-case hex, or null
 * @param derivativeOf or null
 */
public record CreateUploadBody(String fileName, String contentType, long size, int chunkSize, String sha256,
        String idempotencyKey, Derivative derivativeOf, Map<String, String> metadata) {

    /** The original asset this upload is a derivative of, and what it is to it. */
    public record Derivative(String assetId, DerivativeRole role) {}

    public CreateUploadBody {
        metadata = Map.copyOf(metadata);
    }

    public ChunkGrid shape() {
        return ChunkGrid.of(size, chunkSize);
    }

    /** The body of a request by {@code tenant}, checked; throws the first broken rule's problem. */
    public static CreateUploadBody parse(ObjectNode json, String tenant, UploadLimits limits) {
        String fileName = JsonFields.requiredText(json, "fileName");
        String contentType = JsonFields.requiredText(json, "contentType");
        long size = JsonFields.requiredLong(json, "size");
        Long chunkSize = JsonFields.optionalLong(json, "chunkSize");
        String sha256 = JsonFields.optionalText(json, "sha256");
        String idempotencyKey = JsonFields.optionalText(json, "idempotencyKey");
        ObjectNode derivativeOf = JsonFields.optionalObject(json, "derivativeOf");
        Map<String, String> metadata = JsonFields.optionalStringMap(json, "metadata");
        // A derivativeOf without its members breaks the derivative rule, so absent ones are checked as empty.
        String derivativeAssetId = derivativeOf == null ? null
                : Objects.requireNonNullElse(JsonFields.optionalText(derivativeOf, "assetId"), "");
        String derivativeRole = derivativeOf == null ? null
                : Objects.requireNonNullElse(JsonFields.optionalText(derivativeOf, "role"), "");

        long resolvedChunkSize = chunkSize != null ? chunkSize : limits.chunkSizeFor(size);
        return checked(tenant, fileName, contentType, size, resolvedChunkSize, sha256, idempotencyKey,
                derivativeAssetId, derivativeRole, metadata, limits);
    }

    /** An opening without a derivative link or idempotency key (a tus creation), checked. */
    public static CreateUploadBody of(String tenant, String fileName, String contentType, long size, long chunkSize,
            String sha256, Map<String, String> metadata, UploadLimits limits) {
        return checked(tenant, fileName, contentType, size, chunkSize, sha256, null, null, null, metadata, limits);
    }

    private static CreateUploadBody checked(String tenant, String fileName, String contentType, long size,
            long resolvedChunkSize, String sha256, String idempotencyKey, String derivativeAssetId,
            String derivativeRole, Map<String, String> metadata, UploadLimits limits) {
        RuleViolations.enforce(OpeningRules.check(new Opening(tenant, fileName, contentType, size,
                resolvedChunkSize, sha256, idempotencyKey, derivativeAssetId, derivativeRole, metadata), limits));
        Derivative derivative = derivativeAssetId == null ? null
                : new Derivative(derivativeAssetId, DerivativeRole.valueOf(derivativeRole.toUpperCase(Locale.ROOT)));
        return new CreateUploadBody(fileName, contentType, size, (int) resolvedChunkSize,
                sha256 == null ? null : sha256.toLowerCase(Locale.ROOT), idempotencyKey, derivative, metadata);
    }
}
