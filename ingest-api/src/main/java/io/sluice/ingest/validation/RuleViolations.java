package io.sluice.ingest.validation;

import io.sluice.ingest.http.ApiException;
import io.sluice.ingest.http.ProblemCode;
import io.sluice.upload.Violation;
import java.util.Map;
import java.util.Optional;

/**
 * The upload rules (module {@code upload-domain}) as the API answers them: a broken rule is a problem
 * document with the rule's code, its sentence and its members.
 */
public final class RuleViolations {

    private RuleViolations() {}

    /** Throws the rule's problem if it is broken. */
    public static void enforce(Optional<Violation> violation) {
        if (violation.isPresent()) throw problem(violation.get());
    }

    public static ApiException problem(Violation violation) {
        ApiException problem = new ApiException(ProblemCode.valueOf(violation.code().name()), violation.detail());
        for (Map.Entry<String, Object> member : violation.members().entrySet()) problem.with(member.getKey(), member.getValue());
        return problem;
    }
}
