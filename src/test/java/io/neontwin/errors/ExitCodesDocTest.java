package io.neontwin.errors;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/exit-codes.md lists exactly the ExitCode enum: same codes, names and meanings, each with causes and a fix. */
class ExitCodesDocTest {
    private record Row(int code, String name, String meaning, String causes, String fix) {
    }

    private static Map<String, Row> documentedRows() throws IOException {
        Path doc = Path.of(System.getProperty("neontwin.projectDir", ".")).resolve("docs/exit-codes.md");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            if (!line.matches("\\|\\s*\\d+\\s*\\|.*")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            assertEquals(7, cells.length, "five cells in: " + line);
            Row row = new Row(Integer.parseInt(cells[1].strip()), cells[2].strip().replace("`", ""), cells[3].strip(),
                    cells[4].strip(), cells[5].strip());
            assertFalse(rows.containsKey(row.name()), "documented twice: " + row.name());
            rows.put(row.name(), row);
        }
        return rows;
    }

    @Test
    void everyExitCodeIsDocumentedWithItsCodeAndMeaning() throws IOException {
        Map<String, Row> rows = documentedRows();
        for (ExitCode exitCode : ExitCode.values()) {
            Row row = rows.get(exitCode.name());
            assertTrue(row != null, exitCode + " is missing from docs/exit-codes.md");
            assertEquals(exitCode.code(), row.code(), "code of " + exitCode);
            assertEquals(exitCode.meaning(), row.meaning(), "meaning of " + exitCode);
            assertFalse(row.causes().isEmpty(), "typical causes of " + exitCode);
            assertFalse(row.fix().isEmpty(), "fix for " + exitCode);
        }
    }

    @Test
    void theTableDocumentsNoCodeTheEnumLacks() throws IOException {
        List<String> enumNames = Arrays.stream(ExitCode.values()).map(Enum::name).toList();

        assertEquals(enumNames, List.copyOf(documentedRows().keySet()), "the table's rows, in the enum's order");
    }

    @Test
    void everyCauseHasItsOwnCode() {
        Map<Integer, List<ExitCode>> byCode = Arrays.stream(ExitCode.values()).collect(Collectors.groupingBy(ExitCode::code));

        byCode.forEach((code, codes) -> assertEquals(1, codes.size(), "code " + code + " is shared by " + codes));
    }
}
