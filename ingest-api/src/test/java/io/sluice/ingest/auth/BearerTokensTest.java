package io.sluice.ingest.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final BearerTokens TOKENS = BearerTokens.parse(
            "acme=sha256:" + sha256("acme-token") + ", globex=sha256:" + sha256("globex-token").toUpperCase());

    @Test
    void shouldMapAKnownTokenToItsTenant() {
        assertThat(TOKENS.tenantFor("Bearer acme-token")).contains("acme");
        assertThat(TOKENS.tenantFor("bearer globex-token")).contains("globex");
    }

    @Test
    void shouldRefuseMissingMalformedAndUnknownTokens() {
        assertThat(TOKENS.tenantFor(null)).isEmpty();
        assertThat(TOKENS.tenantFor("")).isEmpty();
        assertThat(TOKENS.tenantFor("Bearer ")).isEmpty();
        assertThat(TOKENS.tenantFor("Basic YWNtZTphY21l")).isEmpty();
        assertThat(TOKENS.tenantFor("acme-token")).isEmpty();
        assertThat(TOKENS.tenantFor("Bearer acme-token2")).isEmpty();
    }

    @Test
    void shouldRefuseEverythingWhenNoTokenIsConfigured() {
        BearerTokens none = BearerTokens.parse("");
        assertThat(none.size()).isZero();
        assertThat(none.tenantFor("Bearer acme-token")).isEmpty();
    }

    @Test
    void shouldRejectAMalformedSettingWithoutEchoingIt() {
        assertThatThrownBy(() -> BearerTokens.parse("acme=sha256:" + sha256("a") + ",globex=plain-secret"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("plain-secret");
        assertThatThrownBy(() -> BearerTokens.parse("ac/me=sha256:" + sha256("a")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
