package io.neontwin.init;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import picocli.CommandLine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static io.neontwin.init.InitTesting.CATALOG;
import static io.neontwin.init.InitTesting.RESOURCES;
import static io.neontwin.init.InitTesting.TEMPLATES;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shared test vectors (src/test/resources/init/vectors/NAME: vector.json holds the options, expected.json the
 * link, command line and secrets, and the expected workflow files sit beside them). test/node/vectors.test.mjs runs the
 * same vectors through the page's code: both must produce exactly these files.
 */
class WorkflowVectorsTest {
    private static final Path VECTORS = RESOURCES.resolve("vectors");

    @TestFactory
    Stream<DynamicTest> eachVectorRendersItsExpectedFilesLinkAndCommandLine() throws IOException {
        List<Path> folders;
        try (Stream<Path> list = Files.list(VECTORS)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(folders.size() >= 4, "the vectors are missing from " + VECTORS);
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> checkVector(folder)));
    }

    private static void checkVector(Path folder) {
        WorkflowOptions options = InitTesting.options(InitTesting.json(folder.resolve("vector.json")).path("options"));
        List<GeneratedFile> files = TEMPLATES.render(options);
        ObjectNode expected = InitTesting.JSON.createObjectNode();
        expected.put("fragment", SharedLink.fragment(options));
        expected.put("commandLine", SharedLink.commandLine(options));
        expected.putPOJO("secrets", WorkflowView.secrets(options).stream().map(SecretToCreate::name).toList());
        expected.putPOJO("files", files.stream().map(file -> fileName(file)).toList());
        GoldenFiles.assertFile(folder.resolve("expected.json"), pretty(expected));
        for (GeneratedFile file : files) {
            GoldenFiles.assertFile(folder.resolve(fileName(file)), file.content());
            assertParsesAsWorkflow(file);
        }
        assertEquals(options, SharedLink.parse(SharedLink.fragment(options), CATALOG, new Random()).options(), "the link reads back as the same options");
        assertEquals(options, fromCommandLine(SharedLink.commandLine(options)), "the command line reads back as the same options");
    }

    @Test
    void aLinkWithUnknownOrInvalidValuesOpensWithDefaultsForThemAndNamesEachOne() {
        for (JsonNode link : InitTesting.json(RESOURCES.resolve("links.json")).path("links")) {
            SharedLink.Parsed parsed = SharedLink.parse(link.path("link").asText(), CATALOG, new Random());
            List<String> expectedIgnored = new ArrayList<>();
            link.path("ignored").forEach(name -> expectedIgnored.add(name.asText()));
            assertEquals(expectedIgnored, parsed.ignored().stream().map(SharedLink.Ignored::name).toList(), link.path("link").asText());
            if (!link.path("fragment").isNull()) {
                assertEquals(link.path("fragment").asText(), SharedLink.fragment(parsed.options()), link.path("link").asText());
            }
            for (GeneratedFile file : TEMPLATES.render(parsed.options())) {
                assertParsesAsWorkflow(file);
            }
        }
    }

    static WorkflowOptions fromCommandLine(String line) {
        List<String> words = InitTesting.shellWords(line);
        assertEquals(List.of("neon-twin", "init"), words.subList(0, 2));
        CommandLine commandLine = InitCommand.commandLine();
        commandLine.parseArgs(words.subList(2, words.size()).toArray(String[]::new));
        return ((InitCommand) commandLine.getCommand()).chooseOptions();
    }

    static void assertParsesAsWorkflow(GeneratedFile file) {
        JsonNode yaml;
        try {
            yaml = new YAMLMapper().readTree(file.content());
        } catch (IOException e) {
            throw new AssertionError(file.path() + " is not valid YAML: " + e.getMessage(), e);
        }
        assertTrue(yaml.path("on").isObject() && yaml.path("on").size() > 0, file.path() + " has triggers");
        assertTrue(yaml.path("jobs").isObject() && yaml.path("jobs").size() > 0, file.path() + " has jobs");
    }

    private static String fileName(GeneratedFile file) {
        return Path.of(file.path()).getFileName().toString();
    }

    private static String pretty(JsonNode node) {
        try {
            return InitTesting.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
