package io.neontwin.errors;

import com.fasterxml.jackson.databind.JsonNode;
import io.neontwin.report.ClientInfo;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.ReportJson;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.RunReport;
import io.neontwin.report.TableReport;
import io.neontwin.report.Totals;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/report.md documents every field of the JSON report, and its examples are real reports. */
class ReportDocTest {
    private static final List<Class<? extends Record>> REPORT_RECORDS = List.of(TwinReport.class, DatabaseInfo.class,
            ClientInfo.class, PhaseTiming.class, TableReport.class, Totals.class, Verification.class, Failure.class,
            ReverseTwinReport.class, MigrationReport.class, io.neontwin.report.StatementTiming.class, Hazard.class, MigrationError.class,
            io.neontwin.report.NeonBranches.class, io.neontwin.report.BranchReset.class,
            io.neontwin.report.PlanReport.class, io.neontwin.report.PlanReport.CopyStream.class);
    /** Each report the docs show an example of, by the {@code kind} its JSON starts with. */
    private static final Map<String, Class<? extends RunReport>> REPORTS_BY_KIND =
            Map.of(TwinReport.KIND, TwinReport.class, ReverseTwinReport.KIND, ReverseTwinReport.class);

    private static String doc() throws IOException {
        return Files.readString(Path.of(System.getProperty("neontwin.projectDir", ".")).resolve("docs/report.md"));
    }

    /** The rows of the field table under the heading that names the record, e.g. "### Totals (`Totals`)". */
    private static List<String> documentedFields(String doc, Class<?> record) {
        int heading = doc.indexOf("(`" + record.getSimpleName() + "`)\n");
        assertTrue(heading >= 0, "docs/report.md has no section for " + record.getSimpleName());
        int next = doc.indexOf("\n### ", heading);
        String section = doc.substring(heading, next < 0 ? doc.length() : next);
        List<String> fields = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([A-Za-z]+)` \\|").matcher(section);
        while (row.find()) {
            fields.add(row.group(1));
        }
        return fields;
    }

    @Test
    void everyFieldOfEveryReportRecordIsDocumentedInItsSection() throws IOException {
        String doc = doc();
        for (Class<? extends Record> record : REPORT_RECORDS) {
            List<String> components = new ArrayList<>();
            if (RunReport.class.isAssignableFrom(record)) {
                components.add("kind"); // not a component: the JSON's first field, from RunReport.kind()
            }
            java.util.Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).forEach(components::add);
            assertEquals(components, documentedFields(doc, record),
                    "the fields of " + record.getSimpleName() + " in docs/report.md, in declaration order");
        }
    }

    @Test
    void everyRecordNestedInTheReportIsListed() {
        // A new nested record (a field whose type lives in io.neontwin.report) must join REPORT_RECORDS, and so the doc.
        for (Class<? extends Record> record : REPORT_RECORDS) {
            for (RecordComponent component : record.getRecordComponents()) {
                Class<?> type = component.getType();
                if (type.isRecord() && type.getPackageName().equals("io.neontwin.report")) {
                    assertTrue(REPORT_RECORDS.contains(type), type.getSimpleName() + " (in " + record.getSimpleName() + ") is not documented");
                }
                if (component.getGenericType() instanceof java.lang.reflect.ParameterizedType list
                        && list.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
                    assertTrue(REPORT_RECORDS.contains(element), element.getSimpleName() + " (in " + record.getSimpleName() + ") is not documented");
                }
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3})
    void theExamplesReadBackAsReportsUnchanged(int index) throws IOException {
        List<String> examples = new ArrayList<>();
        Matcher block = Pattern.compile("(?s)```json\\n(.*?)```").matcher(doc());
        while (block.find()) {
            examples.add(block.group(1));
        }
        assertEquals(4, examples.size(), "a successful and a failed example of each report, twin and reverse twin");
        String example = examples.get(index);

        String kind = ReportJson.mapper().readTree(example).path("kind").asText();
        assertEquals(index < 2 ? "twin" : "reverse-twin", kind, "the twin's examples come first, each says its kind");
        RunReport report = ReportJson.mapper().readValue(example, REPORTS_BY_KIND.get(kind));
        JsonNode written = ReportJson.mapper().readTree(ReportJson.toJson(report));

        assertEquals(ReportJson.mapper().readTree(example), written, "the example is exactly what --report would write");
    }
}
