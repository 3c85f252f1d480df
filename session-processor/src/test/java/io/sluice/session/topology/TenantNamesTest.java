package io.sluice.session.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.runtime.config.Setting;
import io.sluice.runtime.config.SluiceConfig;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TenantNamesTest {

    private static final String HASH = "sha256:" + "ab".repeat(32);

    @Test
    void shouldReadTheTenantOfEveryEntry() {
        assertThat(TenantNames.fromAuthTokens(" acme=" + HASH + ", globex = " + HASH + ",acme=" + HASH + ","))
                .containsExactlyInAnyOrder("acme", "globex");
    }

    @Test
    void shouldNameNoTenantForAnEmptySetting() {
        assertThat(TenantNames.fromAuthTokens("")).isEmpty();
        assertThat(TenantNames.fromAuthTokens(" , ")).isEmpty();
    }

    @Test
    void shouldRefuseAnEntryWithoutATenantNamingItsPositionButNotItsValue() {
        assertThatThrownBy(() -> TenantNames.fromAuthTokens("acme=" + HASH + ",secret-token-without-tenant"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2")
                .hasMessageNotContaining("secret-token");
        assertThatThrownBy(() -> TenantNames.fromAuthTokens("a/b=" + HASH))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldKnowTheConfiguredTenantsOnlyOrEveryTenantWhenNoneIsConfigured() {
        SessionProcessorSettings configured = SessionProcessorSettings.from(
                SluiceConfig.of(Map.of(Setting.AUTH_TOKENS, "acme=" + HASH)));
        SessionProcessorSettings unconfigured = SessionProcessorSettings.from(SluiceConfig.of(Map.of()));

        assertThat(configured.knownTenants()).isEqualTo(Set.of("acme"));
        assertThat(configured.isKnownTenant("acme")).isTrue();
        assertThat(configured.isKnownTenant("globex")).isFalse();
        assertThat(configured.isKnownTenant(null)).isFalse();
        assertThat(unconfigured.isKnownTenant("globex")).isTrue();
    }
}
