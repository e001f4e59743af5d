package io.neontwin.action;

import io.neontwin.face.OptionTable;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** action.yml, the Java side and the README describe one and the same action. */
class ActionMetadataTest {
    private final ActionMetadata action = ActionMetadata.read();

    @Test
    void actionYmlDeclaresExactlyTheInputsTheJavaSideReads() {
        List<String> javaNames = OptionTable.actionInputs().stream().map(OptionTable::yamlName).toList();
        assertEquals(javaNames, List.copyOf(action.inputs().keySet()));
    }

    @Test
    void everyInputHasADescriptionAndTheSameDefaultAsTheJavaSide() {
        for (OptionTable input : OptionTable.actionInputs()) {
            Map<String, String> declared = action.inputs().get(input.yamlName());
            assertFalse(declared.getOrDefault("description", "").isBlank(), input.yamlName() + " has no description");
            assertEquals(String.valueOf(input.required()), declared.get("required"), input.yamlName() + ": required");
            assertEquals(input.defaultValue(), declared.get("default"), input.yamlName() + ": default");
        }
    }

    @Test
    void everyInputIsDescribedInActionYmlInTheWordsOfTheOptionTable() {
        for (OptionTable input : OptionTable.actionInputs()) {
            assertEquals(input.definition().inputHelp(), action.inputs().get(input.yamlName()).get("description"),
                    input.yamlName() + ": description (io.neontwin.face.OptionTable is where it is written)");
        }
    }

    @Test
    void everyHyphenatedInputAlsoReachesTheContainerUnderANameThatShKeeps() {
        Map<String, String> expected = new LinkedHashMap<>();
        for (OptionTable input : OptionTable.actionInputs()) {
            if (input.yamlName().contains("-")) {
                expected.put(input.portableVariable(), "${{ inputs." + input.yamlName() + " }}");
            }
        }
        assertEquals(expected, action.runsEnv());
    }

    @Test
    void actionYmlDeclaresExactlyTheOutputsTheActionWrites() {
        List<String> javaNames = Arrays.stream(ActionOutput.values()).map(ActionOutput::yamlName).toList();
        assertEquals(javaNames, List.copyOf(action.outputs().keySet()));
        action.outputs().forEach((name, fields) ->
                assertFalse(fields.getOrDefault("description", "").isBlank(), name + " has no description"));
    }

    @Test
    void itIsADockerActionWithMarketplaceBranding() {
        assertEquals("docker", action.sections().get("runs").get("using"));
        assertEquals("Dockerfile", action.sections().get("runs").get("image"));
        assertFalse(action.sections().get("branding").get("icon").isBlank());
        assertTrue(List.of("white", "yellow", "blue", "green", "orange", "red", "purple", "gray-dark")
                .contains(action.sections().get("branding").get("color")));
        assertFalse(action.topLevel().get("name").isBlank());
        assertTrue(action.topLevel().get("description").length() <= 125, "the Marketplace shows 125 characters");
    }

    @Test
    void readmeInputsTableEqualsActionYml() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        action.inputs().forEach((name, fields) -> expected.put(name, List.of(
                "true".equals(fields.get("required")) ? "**yes**" : "no",
                fields.get("default") == null || fields.get("default").isEmpty() ? "" : "`" + fields.get("default") + "`",
                fields.get("description"))));
        assertEquals(expected, readmeTable("### Inputs"));
    }

    @Test
    void readmeOutputsTableEqualsActionYml() throws IOException {
        Map<String, List<String>> expected = new LinkedHashMap<>();
        action.outputs().forEach((name, fields) -> expected.put(name, List.of(fields.get("description"))));
        assertEquals(expected, readmeTable("### Outputs"));
    }

    /** The rows of the first table under a heading: first column `name`, then the other cells as written. */
    private static Map<String, List<String>> readmeTable(String heading) throws IOException {
        List<String> lines = Files.readAllLines(ActionMetadata.projectDir().resolve("README.md"));
        int start = lines.indexOf(heading);
        assertTrue(start >= 0, "README.md has no '" + heading + "' heading");
        Map<String, List<String>> rows = new LinkedHashMap<>();
        boolean inTable = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            List<String> cells = new ArrayList<>(Arrays.stream(line.substring(1, line.length() - 1).split("(?<!\\\\)\\|", -1))
                    .map(String::strip).map(cell -> cell.replace("\\|", "|")).toList());
            String first = cells.remove(0);
            if (first.startsWith("`") && first.endsWith("`")) {
                rows.put(first.substring(1, first.length() - 1), cells);
            }
        }
        return rows;
    }
}
