package io.sluice.ingest.assets;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.ProblemCode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListAssetsLimitTest {

    @Test
    void shouldDefaultTo50AndAcceptUpTo500() {
        assertThat(ListAssetsHandler.limit(Optional.empty())).isEqualTo(50);
        assertThat(ListAssetsHandler.limit(Optional.of(""))).isEqualTo(50);
        assertThat(ListAssetsHandler.limit(Optional.of("1"))).isEqualTo(1);
        assertThat(ListAssetsHandler.limit(Optional.of("500"))).isEqualTo(500);
    }

    @Test
    void shouldRefuseLimitsOutsideOneTo500() {
        for (String limit : new String[] {"0", "501", "-1", "ten", "1e3"}) {
            assertThat(refusal(() -> ListAssetsHandler.limit(Optional.of(limit))).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        }
    }
}
