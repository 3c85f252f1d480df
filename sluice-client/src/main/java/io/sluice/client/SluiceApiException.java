package io.sluice.client;

/**
 * The API refused a call, or answered one as it never should: the status and the problem's
 * {@code code} say which ({@code 401 unauthorized}, {@code 404 not_found}, {@code 422
 * checksum_mismatch}, …); the answer is kept whole.
 */
public class SluiceApiException extends RuntimeException {

    private final transient ApiAnswer answer;

    public SluiceApiException(String what, ApiAnswer answer) {
        super(what + " answered " + answer.status() + (answer.problemCode() == null ? "" : " " + answer.problemCode())
                + (answer.text("detail") == null ? "" : ": " + answer.text("detail")));
        this.answer = answer;
    }

    public int status() {
        return answer.status();
    }

    /** The problem's code, or null when the answer had none. */
    public String code() {
        return answer.problemCode();
    }

    public ApiAnswer answer() {
        return answer;
    }
}
