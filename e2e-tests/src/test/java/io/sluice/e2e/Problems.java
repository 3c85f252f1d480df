package io.sluice.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sluice.client.ApiAnswer;
import java.util.List;

/**
 * Asserts that an answer is the refusal the bad-input table of docs/contract.md names: its HTTP status, an RFC 9457
 * problem document ({@code application/problem+json} with {@code type}, {@code title},
 * {@code status}, {@code detail}) with the stable {@code code}, and nothing of the implementation in
 * it — no stack trace, exception, Java package or topic name.
 */
final class Problems {

    /** What only an implementation's insides would put in a body. */
    private static final List<String> INTERNALS = List.of("Exception", "\tat ", ".java", "java.", "io.sluice",
            "org.apache", "kafka", "minio", "sluice.upload-", "sluice.dead-letters");

    private Problems() {}

    /** Returns the problem document, for the members a row adds ({@code missing}, {@code expected}, ...). */
    static JsonNode assertProblem(ApiAnswer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as("content type").startsWith("application/problem+json");
        JsonNode problem = answer.json();
        assertThat(problem).as("a problem document").isNotNull();
        assertThat(problem.path("code").asText()).as("code of %s", answer.body()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).as("status member").isEqualTo(status);
        for (String member : List.of("type", "title", "detail")) {
            assertThat(problem.path(member).asText()).as("%s of %s", member, answer.body()).isNotBlank();
        }
        assertNoInternals(answer.body());
        return problem;
    }

    static void assertNoInternals(String body) {
        for (String internal : INTERNALS) {
            assertThat(body).as("an error body naming no internals").doesNotContainIgnoringCase(internal);
        }
    }
}
