package io.neontwin.reversetwin;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** docs/migration-hazards.md lists exactly the HazardKind enum: same codes, in order, with the enum's risk and advice. */
class MigrationHazardsDocTest {
    private record Row(String code, String risk, String advice) {
    }

    private static Map<String, Row> documentedRows() throws IOException {
        Path doc = Path.of(System.getProperty("neontwin.projectDir", ".")).resolve("docs/migration-hazards.md");
        Map<String, Row> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(doc)) {
            if (!line.matches("\\|\\s*`[a-z-]+`\\s*\\|.*")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            assertEquals(5, cells.length, "three cells in: " + line);
            Row row = new Row(cells[1].strip().replace("`", ""), cells[2].strip(), cells[3].strip());
            assertFalse(rows.containsKey(row.code()), "documented twice: " + row.code());
            rows.put(row.code(), row);
        }
        return rows;
    }

    @Test
    void theTableListsEveryKindInTheEnumsOrderAndNoOther() throws IOException {
        List<String> codes = Arrays.stream(HazardKind.values()).map(HazardKind::code).toList();

        assertEquals(codes, List.copyOf(documentedRows().keySet()));
    }

    @Test
    void everyKindIsDocumentedWithItsOwnRiskAndAdvice() throws IOException {
        Map<String, Row> rows = documentedRows();
        for (HazardKind kind : HazardKind.values()) {
            Row row = rows.get(kind.code());
            assertNotNull(row, kind.code() + " is missing from docs/migration-hazards.md");
            assertEquals(kind.risk(), row.risk(), "risk of " + kind.code());
            assertEquals(kind.advice(), row.advice(), "advice of " + kind.code());
        }
    }
}
