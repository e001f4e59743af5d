package io.neontwin.action;

import io.neontwin.report.TwinReport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every output action.yml declares and how it is read off the report. Every output is written on every run that
 * reaches the engine, empty where the report has no figure (a failed preflight knows no row count).
 */
public enum ActionOutput {
    STATUS("status", report -> report.outcome().label()),
    DURATION_SECONDS("duration-seconds", report -> String.format(Locale.ROOT, "%.1f", report.durationSeconds())),
    TABLES("tables", report -> report.totals() == null ? "" : String.valueOf(report.totals().tables())),
    ROWS("rows", report -> report.totals() == null ? "" : String.valueOf(report.totals().rows())),
    BYTES("bytes", report -> report.totals() == null ? "" : String.valueOf(report.totals().bytes())),
    PRODUCTION_VERSION("production-version", report -> report.production() == null ? "" : report.production().serverVersion()),
    TWIN_VERSION("twin-version", report -> report.twin() == null ? "" : report.twin().serverVersion()),
    CLIENT_VERSION("client-version", report -> report.client() == null ? "" : report.client().version()),
    /** Set from the settings, not the report: see {@link #valuesFor}. */
    REPORT_PATH("report-path", report -> "");

    private final String yamlName;
    private final Function<TwinReport, String> reader;

    ActionOutput(String yamlName, Function<TwinReport, String> reader) {
        this.yamlName = yamlName;
        this.reader = reader;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Every output's value for this run, in declaration order. */
    public static Map<String, String> valuesFor(TwinReport report, String reportPath) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ActionOutput output : values()) {
            String value = output == REPORT_PATH ? reportPath : output.reader.apply(report);
            values.put(output.yamlName, value == null ? "" : value);
        }
        return values;
    }
}
