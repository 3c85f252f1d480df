package io.sluice.e2e;

import org.junit.jupiter.api.Assumptions;

/**
 * A tool a test needs (a browser, Node packages) is not on this machine: the test is skipped with the
 * reason — except in CI ({@code SLUICE_CI} set), where {@code .ci/run} installs it and its absence fails.
 */
final class MissingTool {

    private MissingTool() {}

    static void stop(String why) {
        if (System.getenv("SLUICE_CI") != null) throw new IllegalStateException(why);
        Assumptions.abort(why);
    }
}
