package io.neontwin.action;

import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.RunReport;
import io.neontwin.report.TwinReport;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Every output action.yml declares and how it is read off the report. Every output is written on every run that
 * reaches the engine, empty where the report has no figure (a failed preflight knows no row count; a reverse-twin
 * run copies no rows, a twin run applies no migrations).
 */
public enum ActionOutput {
    STATUS("status", report -> report.outcome().label()),
    DURATION_SECONDS("duration-seconds", report -> String.format(Locale.ROOT, "%.1f", switch (report) {
        case TwinReport twin -> twin.durationSeconds();
        case ReverseTwinReport reverse -> reverse.durationSeconds();
    })),
    TABLES("tables", twin(report -> report.totals() == null ? "" : String.valueOf(report.totals().tables()))),
    ROWS("rows", twin(report -> report.totals() == null ? "" : String.valueOf(report.totals().rows()))),
    BYTES("bytes", twin(report -> report.totals() == null ? "" : String.valueOf(report.totals().bytes()))),
    PRODUCTION_VERSION("production-version", report -> version(switch (report) {
        case TwinReport twin -> twin.production();
        case ReverseTwinReport reverse -> reverse.production();
    })),
    TWIN_VERSION("twin-version", report -> version(switch (report) {
        case TwinReport twin -> twin.twin();
        case ReverseTwinReport reverse -> reverse.twin();
    })),
    CLIENT_VERSION("client-version", twin(report -> report.client() == null ? "" : report.client().version())),
    /** How many migrations production lacked when the run started (planned, rehearsed, then applied or not). */
    MIGRATIONS_PENDING("migrations-pending", reverse(report -> report.migrations() == null ? "" : String.valueOf(report.migrations().size()))),
    /** How many of them this run applied to production: 0 on a dry run. */
    MIGRATIONS_APPLIED("migrations-applied", reverse(report -> report.migrations() == null ? "" : String.valueOf(report.appliedCount()))),
    /** With a Neon API key: how many branches below the twin were reset from it after the refresh. */
    BRANCHES_RESET("branches-reset", twin(report -> report.neonBranches() == null ? "" : String.valueOf(report.neonBranches().resetCount()))),
    /** With a Neon API key: "name: result" for each branch below the twin, one a line. */
    BRANCH_RESULTS("branch-results", twin(report -> report.neonBranches() == null ? "" : report.neonBranches().branches().stream()
            .map(branch -> branch.name() + ": " + branch.result().label()).collect(java.util.stream.Collectors.joining("\n")))),
    /** Set from the settings, not the report: see {@link #valuesFor}. */
    REPORT_PATH("report-path", report -> "");

    private final String yamlName;
    private final Function<RunReport, String> reader;

    ActionOutput(String yamlName, Function<RunReport, String> reader) {
        this.yamlName = yamlName;
        this.reader = reader;
    }

    public String yamlName() {
        return yamlName;
    }

    /** Every output's value for this run, in declaration order. */
    public static Map<String, String> valuesFor(RunReport report, String reportPath) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ActionOutput output : values()) {
            String value = output == REPORT_PATH ? reportPath : output.reader.apply(report);
            values.put(output.yamlName, value == null ? "" : value);
        }
        return values;
    }

    private static Function<RunReport, String> twin(Function<TwinReport, String> reader) {
        return report -> report instanceof TwinReport twin ? reader.apply(twin) : "";
    }

    private static Function<RunReport, String> reverse(Function<ReverseTwinReport, String> reader) {
        return report -> report instanceof ReverseTwinReport reverse ? reader.apply(reverse) : "";
    }

    private static String version(DatabaseInfo database) {
        return database == null ? "" : database.serverVersion();
    }
}
