package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * What one twin run did: the engine's only output, rendered alike by the CLI, the GitHub job summary and outputs,
 * Slack and the webhook, and written as JSON by --report. docs/report.md documents every field.
 *
 * @param outcome        succeeded, planned (a --dry-run) or failed
 * @param production     the production database read (size is the production database's, for reference)
 * @param twin           the twin database written (size is the new twin's, measured after the swap)
 * @param client         the pg_dump/pg_restore used
 * @param phases         each phase with its duration, in the order run
 * @param tables         per-table figures, largest first
 * @param verification   what was checked after the copy, and the differences found
 * @param failure        why and where the run failed; null when it did not
 * @param neonBranches   what became of the Neon branches below the twin after the refresh; null unless a Neon API key
 *                       and project were given (the engine never sets it: the faces add it after a successful run)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// kind is written (RunReport.kind()) and, being fixed by the type, ignored when a report is read back
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record TwinReport(
        String tool,
        String toolVersion,
        Outcome outcome,
        Instant startedAt,
        Instant finishedAt,
        double durationSeconds,
        DatabaseInfo production,
        DatabaseInfo twin,
        ClientInfo client,
        List<PhaseTiming> phases,
        List<TableReport> tables,
        Totals totals,
        Verification verification,
        List<String> warnings,
        Failure failure,
        NeonBranches neonBranches,
        PlanReport plan) implements RunReport {

    /** A report without Neon branches: what the engine builds. */
    public TwinReport(String tool, String toolVersion, Outcome outcome, Instant startedAt, Instant finishedAt,
                      double durationSeconds, DatabaseInfo production, DatabaseInfo twin, ClientInfo client,
                      List<PhaseTiming> phases, List<TableReport> tables, Totals totals, Verification verification,
                      List<String> warnings, Failure failure) {
        this(tool, toolVersion, outcome, startedAt, finishedAt, durationSeconds, production, twin, client, phases, tables,
                totals, verification, warnings, failure, null, null);
    }

    /** A report with Neon branches and no recorded plan. */
    public TwinReport(String tool, String toolVersion, Outcome outcome, Instant startedAt, Instant finishedAt,
                      double durationSeconds, DatabaseInfo production, DatabaseInfo twin, ClientInfo client,
                      List<PhaseTiming> phases, List<TableReport> tables, Totals totals, Verification verification,
                      List<String> warnings, Failure failure, NeonBranches neonBranches) {
        this(tool, toolVersion, outcome, startedAt, finishedAt, durationSeconds, production, twin, client, phases, tables,
                totals, verification, warnings, failure, neonBranches, null);
    }

    public TwinReport withNeonBranches(NeonBranches branches) {
        return new TwinReport(tool, toolVersion, outcome, startedAt, finishedAt, durationSeconds, production, twin, client,
                phases, tables, totals, verification, warnings, failure, branches, plan);
    }

    public TwinReport withPlan(PlanReport executed) {
        return new TwinReport(tool, toolVersion, outcome, startedAt, finishedAt, durationSeconds, production, twin, client,
                phases, tables, totals, verification, warnings, failure, neonBranches, executed);
    }

    public static final String KIND = "twin";

    @Override
    @JsonProperty(value = "kind", index = 0)
    public String kind() {
        return KIND;
    }
}
