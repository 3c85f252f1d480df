package io.sluice.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;

/**
 * One HTTP answer of the API, whatever its status: the status, the headers, the body as text and,
 * when the body is JSON (a resource or a problem document), parsed.
 *
 * @param json null unless the body is JSON
 */
public record ApiAnswer(int status, HttpHeaders headers, String body, JsonNode json) {

    /** A member of the JSON body as text, or null. */
    public String text(String member) {
        return json == null || json.get(member) == null || json.get(member).isNull() ? null : json.get(member).asText();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String location() {
        return header("Location");
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The problem document's {@code code} ({@code chunks_missing}, …), or null for an answer without one. */
    public String problemCode() {
        return isSuccess() ? null : text("code");
    }
}
