package io.sluice.ingest.uploads;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sluice.ingest.validation.JsonFields;
import io.sluice.ingest.validation.RuleViolations;
import io.sluice.upload.rules.FinishRule;
import java.util.Locale;

/** The body of {@code POST /v1/uploads/{id}/finish}: {@code {sha256, size}}; the hash in lower case. */
public record FinishBody(String sha256, long size) {

    public static FinishBody parse(ObjectNode json) {
        String sha256 = JsonFields.requiredText(json, "sha256");
        long size = JsonFields.requiredLong(json, "size");
        RuleViolations.enforce(FinishRule.check(size, sha256));
        return new FinishBody(sha256.toLowerCase(Locale.ROOT), size);
    }
}
