package io.sluice.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.config.Setting;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashedTokensTest {

    private static final HashedTokens TOKENS = HashedTokens.parse(Setting.AUTH_TOKENS,
            "acme=sha256:" + sha256("acme-token") + ", globex=sha256:" + sha256("globex-token").toUpperCase());

    @Test
    void shouldMapAKnownTokenToItsHolder() {
        assertThat(TOKENS.holderOf("Bearer acme-token")).contains("acme");
        assertThat(TOKENS.holderOf("bearer globex-token")).contains("globex");
    }

    @Test
    void shouldRefuseMissingMalformedAndUnknownTokens() {
        assertThat(TOKENS.holderOf(null)).isEmpty();
        assertThat(TOKENS.holderOf("")).isEmpty();
        assertThat(TOKENS.holderOf("Bearer ")).isEmpty();
        assertThat(TOKENS.holderOf("Basic YWNtZTphY21l")).isEmpty();
        assertThat(TOKENS.holderOf("acme-token")).isEmpty();
        assertThat(TOKENS.holderOf("Bearer acme-token2")).isEmpty();
    }

    @Test
    void shouldRefuseEverythingWhenNoTokenIsConfigured() {
        HashedTokens none = HashedTokens.parse(Setting.AUTH_TOKENS, "");
        assertThat(none.size()).isZero();
        assertThat(none.holderOf("Bearer acme-token")).isEmpty();
    }

    @Test
    void shouldRejectAMalformedSettingWithoutEchoingIt() {
        assertThatThrownBy(() -> HashedTokens.parse(Setting.OPERATOR_TOKENS,
                        "ops=sha256:" + sha256("a") + ",root=plain-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLUICE_OPERATOR_TOKENS entry 2")
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> HashedTokens.parse(Setting.AUTH_TOKENS, "ac/me=sha256:" + sha256("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldTellTenantAndOperatorTokensApartAndRefuseOneTokenAsBoth() {
        HashedTokens operators = HashedTokens.parse(Setting.OPERATOR_TOKENS, "ops=sha256:" + sha256("ops-token"));
        Callers callers = new Callers(TOKENS, operators);
        assertThat(callers.identify("Bearer acme-token")).isEqualTo(new Caller.Tenant("acme"));
        assertThat(callers.identify("Bearer ops-token")).isEqualTo(new Caller.Operator("ops"));
        assertThat(callers.identify("Bearer nobody")).isEqualTo(new Caller.Anonymous());
        HashedTokens sameToken = HashedTokens.parse(Setting.OPERATOR_TOKENS, "ops=sha256:" + sha256("acme-token"));
        assertThatThrownBy(() -> new Callers(TOKENS, sameToken)).hasMessageContaining("the same token");
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
