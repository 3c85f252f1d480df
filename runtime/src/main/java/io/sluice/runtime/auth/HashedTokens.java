package io.sluice.runtime.auth;

import io.sluice.runtime.config.AuthTokenEntries;
import io.sluice.runtime.config.Setting;
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
 * Bearer tokens and who holds them, from a setting of comma-separated {@code name=sha256:<hex of the
 * token>} entries ({@code SLUICE_AUTH_TOKENS}: the name is a tenant; {@code SLUICE_OPERATOR_TOKENS}:
 * an operator). Only the tokens' SHA-256 is kept: a presented token is hashed and compared in
 * constant time with every configured hash, so neither the configuration nor the timing of a
 * refusal tells which tokens exist.
 */
public final class HashedTokens {

    private static final Pattern HASH = Pattern.compile("sha256:([0-9a-fA-F]{64})");
    private static final String SCHEME = "bearer ";

    private record Grant(String holder, byte[] tokenSha256) {}

    private final List<Grant> grants;

    private HashedTokens(List<Grant> grants) {
        this.grants = List.copyOf(grants);
    }

    /**
     * Reads a setting's value.
     *
     * @throws IllegalArgumentException naming the setting and the position of a malformed entry
     *     (never its value: the setting is secret)
     */
    public static HashedTokens parse(Setting setting, String value) {
        List<Grant> grants = new ArrayList<>();
        for (AuthTokenEntries.Entry entry : AuthTokenEntries.of(value)) {
            var hash = HASH.matcher(entry.credential());
            if (!entry.hasValidTenant() || !hash.matches()) {
                throw new IllegalArgumentException(setting.env() + " entry " + entry.position()
                        + " is not name=sha256:<64 hex digits> (name: letters, digits, '.', '_', '-')");
            }
            grants.add(new Grant(entry.tenant(), HexFormat.of().parseHex(hash.group(1).toLowerCase(Locale.ROOT))));
        }
        return new HashedTokens(grants);
    }

    /** Who holds the token in an {@code Authorization} header value; empty for none or an unknown one. */
    public Optional<String> holderOf(String authorization) {
        Optional<byte[]> presented = presentedSha256(authorization);
        if (presented.isEmpty()) return Optional.empty();
        String holder = null;
        for (Grant grant : grants) { // every hash is compared, match or not
            if (MessageDigest.isEqual(presented.get(), grant.tokenSha256()) && holder == null) holder = grant.holder();
        }
        return Optional.ofNullable(holder);
    }

    /** How many tokens are configured (zero means every request is refused). */
    public int size() {
        return grants.size();
    }

    /** Whether one token is configured in both. */
    public boolean sharesATokenWith(HashedTokens other) {
        for (Grant mine : grants) {
            for (Grant theirs : other.grants) if (MessageDigest.isEqual(mine.tokenSha256(), theirs.tokenSha256())) return true;
        }
        return false;
    }

    private static Optional<byte[]> presentedSha256(String authorization) {
        if (authorization == null || authorization.length() <= SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(SCHEME.length()).trim();
        if (token.isEmpty()) return Optional.empty();
        try {
            return Optional.of(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
