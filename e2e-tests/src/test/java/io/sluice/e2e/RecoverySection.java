package io.sluice.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The commands of the README's "Recovery" section: its first {@code sh} block, one command a line,
 * comments dropped. ReplayTest runs exactly these, so the section and the test cannot drift apart.
 */
final class RecoverySection {

    static final String HEADING = "## Recovery";

    private RecoverySection() {}

    static List<String> commands(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int heading = lines.indexOf(HEADING);
        if (heading < 0) throw new IllegalStateException("README has no '" + HEADING + "' section");
        List<String> commands = new ArrayList<>();
        boolean inBlock = false;
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (!inBlock && line.equals("```sh")) {
                inBlock = true;
            } else if (inBlock && line.equals("```")) {
                return commands;
            } else if (inBlock) {
                String command = line.contains("#") ? line.substring(0, line.indexOf('#')).strip() : line.strip();
                if (!command.isEmpty()) commands.add(command);
            }
        }
        throw new IllegalStateException("the '" + HEADING + "' section has no complete ```sh block");
    }
}
