package io.sluice.ingest.auth;

import io.sluice.runtime.config.AuthTokenEntries;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bearer token → tenant, from {@code SLUICE_AUTH_TOKENS} ({@code tenant=sha256:<hex of the token>},
 * comma-separated). The service keeps only the tokens' SHA-256: the presented token is hashed and
 * compared in constant time with every configured hash, so neither the configuration nor the
 * timing of a refusal tells which tokens exist.
 */
public final class BearerTokens {

    private static final Pattern HASH = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    private static final String SCHEME = "bearer ";

    private record Grant(String tenant, byte[] tokenSha256) {}

    private final List<Grant> grants;

    private BearerTokens(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * Reads the setting's value.
     *
     * @throws IllegalArgumentException naming the position of a malformed entry (never its value: the setting is secret)
     */
    public static BearerTokens parse(String setting) {
        List<Grant> grants = new ArrayList<>();
        for (AuthTokenEntries.Entry entry : AuthTokenEntries.of(setting)) {
            var hash = HASH.matcher(entry.credential());
            if (!entry.hasValidTenant() || !hash.matches()) {
                throw new IllegalArgumentException("SLUICE_AUTH_TOKENS entry " + entry.position()
                        + " is not tenant=sha256:<64 hex digits> (tenant: letters, digits, '.', '_', '-')");
            }
            grants.add(new Grant(entry.tenant(), HexFormat.of().parseHex(hash.group(1).toLowerCase(Locale.ROOT))));
        }
        return new BearerTokens(grants);
    }

    /** The tenant of the token in an {@code Authorization} header value; empty for none or an unknown one. */
    public Optional<String> tenantFor(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (token.isEmpty()) return Optional.empty();
        byte[] presented = sha256(token);
        String tenant = null;
        for (Grant grant : grants) { // every hash is compared, match or not
            if (MessageDigest.isEqual(presented, grant.tokenSha256()) && tenant == null) tenant = grant.tenant();
        }
        return Optional.ofNullable(tenant);
    }

    /** How many tokens are configured (zero means every request is refused). */
    public int size() {
        return grants.size();
    }

    private static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
