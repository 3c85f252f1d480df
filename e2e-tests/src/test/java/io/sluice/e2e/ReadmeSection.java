package io.sluice.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code sh} blocks of one README section, as written: the tests run them, so the README and
 * what the stack does cannot drift apart.
 */
final class ReadmeSection {

    private ReadmeSection() {}

    /** Every {@code sh} block of the section under {@code heading}, each as its lines. */
    static List<List<String>> shBlocks(Path readme, String heading) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        int start = lines.indexOf(heading);
        if (start < 0) throw new IllegalStateException("README has no '" + heading + "' section");
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) break;
            if (block == null && line.equals("```sh")) {
                block = new ArrayList<>();
            } else if (block != null && line.equals("```")) {
                blocks.add(List.copyOf(block));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        if (blocks.isEmpty()) throw new IllegalStateException("the '" + heading + "' section has no complete ```sh block");
        return blocks;
    }

    /** A block's commands, one a line, comments ({@code  # …}) and blank lines dropped. */
    static List<String> commands(List<String> block) {
        List<String> commands = new ArrayList<>();
        for (String line : block) {
            int comment = line.startsWith("#") ? 0 : line.indexOf(" #");
            String command = (comment < 0 ? line : line.substring(0, comment)).strip();
            if (!command.isEmpty()) commands.add(command);
        }
        return commands;
    }
}
