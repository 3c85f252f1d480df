package io.sluice.upload;

import io.sluice.upload.rules.ChunkCountRule;
import io.sluice.upload.rules.ChunkSizeRule;
import io.sluice.upload.rules.ContentTypeRule;
import io.sluice.upload.rules.DerivativeRule;
import io.sluice.upload.rules.FileNameRule;
import io.sluice.upload.rules.IdempotencyKeyRule;
import io.sluice.upload.rules.MetadataRule;
import io.sluice.upload.rules.Sha256HexRule;
import io.sluice.upload.rules.SizeRule;
import io.sluice.upload.rules.TenantRule;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every rule an opening must keep, in the order a client would fix them: the numbers first (size,
 * chunk size, chunk count), then the names, then the optional fields. The first broken rule is
 * the answer. Each rule costs at most the length of what it checks, so the whole check is bounded
 * by the request's own size, never by a number it claims.
 */
public final class OpeningRules {

    private OpeningRules() {}

    public static Optional<Violation> check(Opening opening, UploadLimits limits) {
        return Stream.<Supplier<Optional<Violation>>>of(
                        () -> TenantRule.check(opening.tenant()),
                        () -> SizeRule.check(opening.size(), limits.maxUploadSize()),
                        () -> ChunkSizeRule.check(opening.chunkSize(), limits.chunkSizeMin(), limits.chunkSizeMax()),
                        () -> ChunkCountRule.check(opening.size(), opening.chunkSize(), limits.maxChunkCount(),
                                limits.chunkSizeMin()),
                        () -> FileNameRule.check(opening.fileName()),
                        () -> ContentTypeRule.check(opening.contentType()),
                        () -> opening.sha256() == null ? Optional.empty() : Sha256HexRule.check("sha256", opening.sha256()),
                        () -> opening.idempotencyKey() == null ? Optional.empty()
                                : IdempotencyKeyRule.check(opening.idempotencyKey()),
                        () -> MetadataRule.check(opening.metadata()),
                        () -> opening.derivativeAssetId() == null && opening.derivativeRole() == null ? Optional.empty()
                                : DerivativeRule.check(opening.derivativeAssetId(), opening.derivativeRole()))
                .map(Supplier::get)
                .flatMap(Optional::stream)
                .findFirst();
    }
}
