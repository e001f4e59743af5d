package io.neontwin.report;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.time.Instant;
import java.util.List;

/**
 * What one reverse-twin run did: which migrations production lacked, what they risk, how their rehearsal on the
 * twin went, and which were applied to production. Rendered alike by the CLI, the job summary and outputs, Slack
 * and the webhook; written as JSON by --report. docs/report.md documents every field.
 *
 * @param outcome          succeeded (every pending migration applied, or none pending), planned (--dry-run:
 *                         planned and rehearsed, production untouched) or failed
 * @param production       the database migrated (never with credentials)
 * @param twin             the database the migrations were rehearsed on
 * @param migrationsPath   the folder the migrations were read from, as given
 * @param historyTable     production's table recording applied migrations, schema-qualified
 * @param appliedBefore    how many migrations production's history held before this run
 * @param migrations       every migration production lacked at the start, in the order applied, with its fate
 * @param hazards          what the pending migrations risk on a live database (locks, rewrites, data loss)
 * @param phases           each phase with its duration, in the order run (preflight, plan, rehearsal, apply)
 * @param failure          why the run failed; null when it did not
 * @param failedMigration  the migration, file and line that failed, when a migration's SQL failed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// kind is written (RunReport.kind()) and, being fixed by the type, ignored when a report is read back
@JsonIgnoreProperties(value = "kind", allowGetters = true)
public record ReverseTwinReport(
        String tool,
        String toolVersion,
        Outcome outcome,
        Instant startedAt,
        Instant finishedAt,
        double durationSeconds,
        DatabaseInfo production,
        DatabaseInfo twin,
        String migrationsPath,
        String historyTable,
        Integer appliedBefore,
        List<MigrationReport> migrations,
        List<Hazard> hazards,
        List<PhaseTiming> phases,
        List<String> warnings,
        Failure failure,
        MigrationError failedMigration) implements RunReport {

    public static final String KIND = "reverse-twin";

    @Override
    @JsonProperty(value = "kind", index = 0)
    public String kind() {
        return KIND;
    }

    /** Migrations applied to production by this run. */
    public long appliedCount() {
        return migrations == null ? 0 : migrations.stream().filter(m -> m.status() == MigrationStatus.APPLIED).count();
    }
}
