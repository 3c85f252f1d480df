package io.sluice.ingest.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses, carrying everything its problem-details answer needs: the code (and so
 * the status), a sentence for people, extra members such as {@code missing} or {@code expected},
 * and extra response headers such as {@code Retry-After}. Thrown by validation rules and handlers;
 * {@link ApiRouter} turns it into the response.
 */
public final class ApiException extends RuntimeException {

    private final ProblemCode code;
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ProblemCode code, String detail) {
        super(detail, null, false, false); // a refusal, not a fault: no stack trace to fill
        this.code = code;
    }

    /** Adds a member to the problem document (a string, number, boolean or list of them). */
    public ApiException with(String member, Object value) {
        extras.put(member, value);
        return this;
    }

    /** Adds a response header. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProblemCode code() {
        return code;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extras() {
        return Collections.unmodifiableMap(extras);
    }

    public Map<String, String> headers() {
        return Collections.unmodifiableMap(headers);
    }
}
