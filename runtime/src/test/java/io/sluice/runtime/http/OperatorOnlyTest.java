package io.sluice.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.sluice.runtime.auth.Callers;
import io.sluice.runtime.auth.HashedTokens;
import io.sluice.runtime.config.Setting;
import io.sluice.runtime.service.Readiness;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OperatorOnlyTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private HttpEndpoints endpoints;

    @BeforeEach
    void start() throws Exception {
        Callers callers = new Callers(HashedTokens.parse(Setting.AUTH_TOKENS, "acme=sha256:" + sha256("acme-token")),
                HashedTokens.parse(Setting.OPERATOR_TOKENS, "ops=sha256:" + sha256("ops-token")));
        endpoints = HttpEndpoints.bind("127.0.0.1", 0, Readiness::ready, new Metrics("test"))
                .route("/admin/secrets", OperatorOnly.wrap(callers, exchange -> {
                    try (exchange) {
                        byte[] body = "internal state".getBytes(StandardCharsets.UTF_8);
                        exchange.sendResponseHeaders(200, body.length);
                        exchange.getResponseBody().write(body);
                    }
                })).start();
    }

    @AfterEach
    void stop() {
        endpoints.close();
    }

    @Test
    void shouldServeAnOperator() throws Exception {
        HttpResponse<String> answer = get("Bearer ops-token");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("internal state");
    }

    @Test
    void shouldRefuseNoTokenAnUnknownOneAndATenantsWithoutServingAnything() throws Exception {
        for (String authorization : new String[] {null, "Bearer guess", "Bearer acme-token", "Basic b3BzOm9wcw=="}) {
            HttpResponse<String> answer = get(authorization);
            assertThat(answer.statusCode()).as("%s", authorization).isEqualTo(401);
            assertThat(answer.body()).contains("\"code\":\"unauthorized\"").doesNotContain("internal state");
            assertThat(answer.headers().firstValue("WWW-Authenticate")).contains("Bearer");
        }
    }

    private HttpResponse<String> get(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + endpoints.port() + "/admin/secrets"));
        if (authorization != null) request.header("Authorization", authorization);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
