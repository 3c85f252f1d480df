package io.sluice.ingest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * RFC 9457 problem details: {@code type}, {@code title}, {@code status}, {@code detail},
 * {@code instance}, plus Sluice's stable {@code code} and the problem's extra members. Only what
 * the {@link ApiException} says goes in: never an exception class, a stack trace or a topic name.
 */
public final class ProblemJson {

    public static final String CONTENT_TYPE = "application/problem+json";

    /** A URN rather than a URL: it names the problem type without promising a page to fetch. */
    static final String TYPE_PREFIX = "urn:sluice:problem:";

    private ProblemJson() {}

    public static ObjectNode of(ApiException problem, String instance) {
        ProblemCode code = problem.code();
        ObjectNode body = Json.object()
                .put("type", TYPE_PREFIX + code.code())
                .put("title", code.title())
                .put("status", code.status());
        if (problem.detail() != null) body.put("detail", problem.detail());
        if (instance != null) body.put("instance", instance);
        body.put("code", code.code());
        for (Map.Entry<String, Object> extra : problem.extras().entrySet()) {
            body.set(extra.getKey(), Json.MAPPER.valueToTree(extra.getValue()));
        }
        return body;
    }
}
