package io.neontwin.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's option lists are the help's own: the same options, names, placeholders and order as
 * {@code neon-twin <command> --help} prints, so that neither drifts from the other. On a difference the failure shows
 * the block to paste into the README.
 */
class ReadmeCommandLineTest {
    private static final Path PROJECT = Path.of(System.getProperty("neontwin.projectDir", "."));

    private static String optionBlock(String command) {
        CommandLine sub = NeonTwin.commandLine().getSubcommands().get(command);
        return "```text\n" + sub.getHelp().optionList() + "```\n";
    }

    @Test
    void theReadmeListsTheOptionsOfTwinAndReverseTwinExactlyAsTheHelpDoes() throws IOException {
        String readme = Files.readString(PROJECT.resolve("README.md"));
        for (String command : List.of("twin", "reverse-twin")) {
            String block = optionBlock(command);
            assertTrue(readme.contains(block), "README.md's option list of '" + command + "' differs from --help; paste:\n" + block);
        }
    }

    @Test
    void theActionsOwnerIsWrittenOneWayEverywhere() throws IOException {
        List<String> stray = new ArrayList<>();
        try (Stream<Path> files = Stream.concat(Stream.of(PROJECT.resolve("README.md")),
                Stream.concat(Files.list(PROJECT.resolve("docs")), Files.walk(PROJECT.resolve("examples"))))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (Files.readString(file).contains("<org>")) {
                    stray.add(PROJECT.relativize(file).toString());
                }
            }
        }
        assertEquals(List.of(), stray, "files writing the action's owner as <org> rather than <owner>");
        assertTrue(Files.readString(PROJECT.resolve("README.md")).contains("`<owner>`"), "the README says what <owner> stands for");
    }
}
