package io.sluice.ingest.uploads;

import static io.sluice.ingest.Refusals.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.ingest.http.Json;
import io.sluice.ingest.http.ProblemCode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FinishBodyTest {

    @Test
    void shouldReadSizeAndLowerCasedHash() {
        assertThat(parse("{\"sha256\": \"" + "CD".repeat(32) + "\", \"size\": 12}"))
                .isEqualTo(new FinishBody("cd".repeat(32), 12));
    }

    @Test
    void shouldRefuseAMissingOrBadHashOrSize() {
        assertThat(refusal(() -> parse("{\"size\": 12}")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> parse("{\"sha256\": \"abc\", \"size\": 12}")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> parse("{\"sha256\": \"" + "cd".repeat(32) + "\"}")).code()).isEqualTo(ProblemCode.INVALID_REQUEST);
        assertThat(refusal(() -> parse("{\"sha256\": \"" + "cd".repeat(32) + "\", \"size\": -1}")).code())
                .isEqualTo(ProblemCode.INVALID_REQUEST);
    }

    private static FinishBody parse(String json) {
        return FinishBody.parse(Json.parseObject(json.getBytes(StandardCharsets.UTF_8)));
    }
}
