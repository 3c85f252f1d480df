package io.sluice.ingest.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemJsonTest {

    @Test
    void shouldRenderRfc9457MembersWithTheCodeAndExtras() {
        ApiException problem = new ApiException(ProblemCode.CHUNKS_MISSING, "2 of 4 chunks missing")
                .with("missing", List.of(1, 3));

        ObjectNode json = ProblemJson.of(problem, "/v1/uploads/up_1/finish");

        assertThat(json.get("type").asText()).isEqualTo("urn:sluice:problem:chunks_missing");
        assertThat(json.get("title").asText()).isEqualTo("Chunks missing");
        assertThat(json.get("status").asInt()).isEqualTo(409);
        assertThat(json.get("detail").asText()).isEqualTo("2 of 4 chunks missing");
        assertThat(json.get("instance").asText()).isEqualTo("/v1/uploads/up_1/finish");
        assertThat(json.get("code").asText()).isEqualTo("chunks_missing");
        assertThat(json.get("missing").toString()).isEqualTo("[1,3]");
    }

    @Test
    void shouldSpellEveryCodeInLowerSnakeCase() {
        for (ProblemCode code : ProblemCode.values()) {
            assertThat(code.code()).matches("[a-z]+(_[a-z]+)*");
            assertThat(code.status()).isBetween(400, 599);
        }
    }

    @Test
    void shouldUseTheStatusCodesOfTheSpecTable() {
        assertThat(ProblemCode.UNAUTHORIZED.status()).isEqualTo(401);
        assertThat(ProblemCode.UPLOAD_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ProblemCode.CHUNK_TOO_LARGE.status()).isEqualTo(413);
        assertThat(ProblemCode.IDEMPOTENCY_KEY_REUSED.status()).isEqualTo(422);
        assertThat(ProblemCode.TOO_FAR_AHEAD.status()).isEqualTo(429);
        assertThat(ProblemCode.UPLOAD_FINISHED.status()).isEqualTo(409);
        assertThat(ProblemCode.UPLOAD_EXPIRED.status()).isEqualTo(410);
        assertThat(ProblemCode.CHECKSUM_MISMATCH.status()).isEqualTo(422);
    }
}
