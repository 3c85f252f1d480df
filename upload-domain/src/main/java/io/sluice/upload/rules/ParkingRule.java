package io.sluice.upload.rules;

import io.sluice.upload.RuleCode;
import io.sluice.upload.Violation;
import java.util.Optional;

/**
 * Rule: "chunk too far ahead of the hash frontier (parking bound reached) → 429 + {@code Retry-After}
 * where the API can tell, else reported in status and as a {@code ChunkRejected} event
 * {@code too_far_ahead}". A new chunk past the frontier is parked until the frontier reaches it; the
 * parked bytes of one upload stay within the bound. A chunk at or behind the frontier, or one
 * already held, parks nothing.
 */
public final class ParkingRule {

    private ParkingRule() {}

    /**
     * @param frontier the index of the next chunk the rolling hash takes
     * @param alreadyHeld whether the chunk was accepted before (a resend parks nothing new)
     */
    public static Optional<Violation> check(int index, int frontier, boolean alreadyHeld, long parkedBytes,
            int length, long parkedBytesMax) {
        if (index <= frontier || alreadyHeld || parkedBytes + length <= parkedBytesMax) return Optional.empty();
        return Optional.of(Violation.of(RuleCode.TOO_FAR_AHEAD, "parked bytes would exceed " + parkedBytesMax
                        + "; send chunk " + frontier + " first").with("frontier", frontier));
    }
}
