package io.sluice.upload.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.upload.RuleCode;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules on an opening's other fields: content type, hash, idempotency key, metadata, derivative, tenant. */
class FieldRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"image/jpeg", "application/octet-stream", "text/plain; charset=utf-8",
            "application/vnd.api+json"})
    void shouldAcceptMediaTypes(String contentType) {
        assertThat(ContentTypeRule.check(contentType)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jpeg", "image/", "/jpeg", "image/jpeg\r\nSet-Cookie: a=b", "text/plain; é"})
    void shouldRefuseContentTypesThatAreNotSafeHeaderValues(String contentType) {
        assertThat(ContentTypeRule.check(contentType).orElseThrow().code()).isEqualTo(RuleCode.INVALID_REQUEST);
    }

    @Test
    void shouldRefuseAContentTypeLongerThan255Characters() {
        assertThat(ContentTypeRule.check("a/" + "b".repeat(254))).isPresent();
        assertThat(ContentTypeRule.check(null)).isPresent();
    }

    @Test
    void shouldAcceptSha256HexInEitherCaseOnly() {
        assertThat(Sha256HexRule.check("sha256", "ab".repeat(32))).isEmpty();
        assertThat(Sha256HexRule.check("sha256", "AB".repeat(32))).isEmpty();
        assertThat(Sha256HexRule.check("sha256", "ab".repeat(31)).orElseThrow().members()).containsEntry("field", "sha256");
        assertThat(Sha256HexRule.check("sha256", "zz".repeat(32))).isPresent();
    }

    @Test
    void shouldAcceptAFinishOfAHashAndASizeOfZeroOrMore() {
        assertThat(FinishRule.check(0, "ab".repeat(32))).isEmpty();
        assertThat(FinishRule.check(-1, "ab".repeat(32)).orElseThrow().members()).containsEntry("field", "size");
        assertThat(FinishRule.check(10, "ab").orElseThrow().members()).containsEntry("field", "sha256");
        assertThat(FinishRule.check(10, null)).as("a finish that leaves the hash to Sluice").isEmpty();
        assertThat(FinishRule.check(-1, null)).isPresent();
    }

    @Test
    void shouldAcceptIdempotencyKeysOfOneTo255CharactersWithoutControlCharacters() {
        assertThat(IdempotencyKeyRule.check("k")).isEmpty();
        assertThat(IdempotencyKeyRule.check("k".repeat(255))).isEmpty();
        assertThat(IdempotencyKeyRule.check("")).isPresent();
        assertThat(IdempotencyKeyRule.check("k".repeat(256))).isPresent();
        assertThat(IdempotencyKeyRule.check("a\nb")).isPresent();
    }

    @Test
    void shouldBoundMetadataEntriesKeysValuesAndTotalBytes() {
        assertThat(MetadataRule.check(Map.of("camera", "x100"))).isEmpty();
        assertThat(MetadataRule.check(Map.of())).isEmpty();
        assertThat(MetadataRule.check(entries(MetadataRule.MAX_ENTRIES, "v"))).isEmpty();
        assertThat(MetadataRule.check(entries(MetadataRule.MAX_ENTRIES + 1, "v")).orElseThrow().members())
                .containsEntry("field", "metadata").containsEntry("entries", MetadataRule.MAX_ENTRIES + 1);
        assertThat(MetadataRule.check(entries(100_000, "v"))).isPresent();
        assertThat(MetadataRule.check(Map.of("", "v"))).isPresent();
        assertThat(MetadataRule.check(Map.of("k".repeat(129), "v"))).isPresent();
        assertThat(MetadataRule.check(Map.of("a\u202eb", "v"))).isPresent();
        assertThat(MetadataRule.check(Map.of("k", "v".repeat(1025)))).isPresent();
        assertThat(MetadataRule.check(Map.of("k", "line one\nline two"))).isEmpty();
        assertThat(MetadataRule.check(entries(20, "v".repeat(1000)))).get()
                .extracting(v -> v.members().get("bytes")).isNotNull();
    }

    @Test
    void shouldAcceptTheThreeDerivativeRolesOfAnAssetId() {
        String assetId = "as_" + "0".repeat(32);
        for (String role : DerivativeRule.ROLES) assertThat(DerivativeRule.check(assetId, role)).isEmpty();
        assertThat(DerivativeRule.check(assetId, "poster").orElseThrow().members())
                .containsEntry("field", "derivativeOf.role");
        assertThat(DerivativeRule.check(assetId, null)).isPresent();
        assertThat(DerivativeRule.check("up_" + "0".repeat(32), "display").orElseThrow().members())
                .containsEntry("field", "derivativeOf.assetId");
        assertThat(DerivativeRule.check("../as_x", "display")).isPresent();
    }

    @Test
    void shouldAcceptKeySafeTenantNamesOnly() {
        assertThat(TenantRule.check("acme-eu_1.prod")).isEmpty();
        assertThat(TenantRule.check("a".repeat(64))).isEmpty();
        assertThat(TenantRule.check("a".repeat(65))).isPresent();
        assertThat(TenantRule.check("")).isPresent();
        assertThat(TenantRule.check("a/b")).isPresent();
        assertThat(TenantRule.check(null)).isPresent();
    }

    private static Map<String, String> entries(int count, String value) {
        Map<String, String> map = new HashMap<>();
        IntStream.range(0, count).forEach(i -> map.put("k" + i, value));
        return map;
    }
}
