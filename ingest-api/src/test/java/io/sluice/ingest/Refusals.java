package io.sluice.ingest;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.sluice.ingest.http.ApiException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Catches the {@link ApiException} a rule throws, failing the test if it throws none. */
public final class Refusals {

    private Refusals() {}

    public static ApiException refusal(ThrowingCallable call) {
        ApiException refusal = catchThrowableOfType(ApiException.class, call);
        if (refusal == null) throw new AssertionError("expected a refusal, but the call passed");
        return refusal;
    }
}
