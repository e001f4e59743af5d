package io.neontwin.action;

import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileCommandsTest {
    @TempDir
    Path dir;

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    @Test
    void outputsSurviveTheRunnersParsingMultiLineValuesIncluded() throws IOException {
        Path file = dir.resolve("output");
        Files.writeString(file, "earlier=step\n"); // the runner's file may already hold lines: append, never replace
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("status", "succeeded");
        outputs.put("notes", "line one\nline two\nEOF");
        outputs.put("empty", "");
        FileCommands.writeOutputs(file, outputs);

        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("earlier", "step");
        expected.putAll(outputs);
        assertEquals(expected, GitHubFiles.readOutputs(file));
    }

    @Test
    void eachOutputHasItsOwnRandomDelimiter() throws IOException {
        Path file = dir.resolve("output");
        FileCommands.writeOutputs(file, Map.of("a", "1"));
        FileCommands.writeOutputs(file, Map.of("b", "2"));
        String[] lines = Files.readString(file).split("\n");
        String first = lines[0].substring(lines[0].indexOf("<<") + 2);
        String second = lines[3].substring(lines[3].indexOf("<<") + 2);
        assertEquals(true, first.startsWith("ghadelimiter_") && !first.equals(second));
    }

    @Test
    void secretsAreMaskedInOutputsAndSummary() throws IOException {
        Secrets.register("hunter22");
        FileCommands.writeOutputs(dir.resolve("output"), Map.of("error", "auth failed for hunter22"));
        FileCommands.appendSummary(dir.resolve("summary"), "password hunter22\n");
        assertEquals("auth failed for ***", GitHubFiles.readOutputs(dir.resolve("output")).get("error"));
        assertEquals("password ***\n", Files.readString(dir.resolve("summary")));
    }
}
