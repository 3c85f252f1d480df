package io.sluice.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The commands of the README's "Recovery" section: its first {@code sh} block, one command a line,
 * comments dropped. ReplayTest runs exactly these, so the section and the test cannot drift apart.
 */
final class RecoverySection {

    static final String HEADING = "## Recovery";

    private RecoverySection() {}

    static List<String> commands(Path readme) throws IOException {
        return ReadmeSection.commands(ReadmeSection.shBlocks(readme, HEADING).getFirst());
    }
}
