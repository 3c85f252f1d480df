package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.events.DerivativeRole;
import io.sluice.ingest.ApiSettings;
import io.sluice.ingest.validation.ChunkSizeRule;
import io.sluice.ingest.validation.ContentTypeRule;
import io.sluice.ingest.validation.IdempotencyKeyRule;
import io.sluice.ingest.validation.JsonFields;
import io.sluice.ingest.validation.MaxUploadSizeRule;
import io.sluice.ingest.validation.PositiveSizeRule;
import io.sluice.ingest.validation.SafeFileNameRule;
import io.sluice.ingest.validation.Sha256HexRule;
import io.sluice.schemas.keys.UploadIds;
import java.util.Map;

/**
 * The body of {@code POST /v1/uploads}, checked by every stateless rule: {@code {fileName,
 * contentType, size, chunkSize?, sha256?, idempotencyKey?, derivativeOf?: {assetId, role},
 * metadata?}}. Members the API does not know are ignored.
 *
 * @param chunkSize the client's, or {@code SLUICE_CHUNK_SIZE_DEFAULT}
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

    public UploadShape shape() {
        return UploadShape.of(size, chunkSize);
    }

    public static CreateUploadBody parse(ObjectNode json, ApiSettings settings) {
        String fileName = JsonFields.requiredText(json, "fileName");
        String contentType = JsonFields.requiredText(json, "contentType");
        long size = JsonFields.requiredLong(json, "size");
        Long chunkSize = JsonFields.optionalLong(json, "chunkSize");
        String sha256 = JsonFields.optionalText(json, "sha256");
        String idempotencyKey = JsonFields.optionalText(json, "idempotencyKey");
        ObjectNode derivativeOf = JsonFields.optionalObject(json, "derivativeOf");
        Map<String, String> metadata = JsonFields.optionalStringMap(json, "metadata");

        PositiveSizeRule.check(size);
        new MaxUploadSizeRule(settings.maxUploadSize()).check(size);
        long resolvedChunkSize = chunkSize != null ? chunkSize : settings.chunkSizeDefault();
        new ChunkSizeRule(settings.chunkSizeMin(), settings.chunkSizeMax()).check(resolvedChunkSize, size);
        SafeFileNameRule.check(fileName);
        ContentTypeRule.check(contentType);
        if (sha256 != null) sha256 = Sha256HexRule.check("sha256", sha256);
        if (idempotencyKey != null) IdempotencyKeyRule.check(idempotencyKey);
        return new CreateUploadBody(fileName, contentType, size, (int) resolvedChunkSize, sha256, idempotencyKey,
                derivativeOf == null ? null : derivative(derivativeOf), metadata);
    }

    private static Derivative derivative(ObjectNode json) {
        String assetId = json.path("assetId").textValue();
        String role = json.path("role").textValue();
        if (!UploadIds.isAssetId(assetId)) {
            throw JsonFields.invalid("derivativeOf.assetId", "derivativeOf.assetId is not an asset id");
        }
        DerivativeRole parsed = switch (role == null ? "" : role) {
            case "display" -> DerivativeRole.DISPLAY;
            case "thumbnail" -> DerivativeRole.THUMBNAIL;
            case "placeholder" -> DerivativeRole.PLACEHOLDER;
            default -> throw JsonFields.invalid("derivativeOf.role",
                    "derivativeOf.role must be display, thumbnail or placeholder");
        };
        return new Derivative(assetId, parsed);
    }
}
