package io.neontwin.face;

import io.neontwin.report.Failure;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.ReverseTwinReport;

import java.util.List;
import java.util.Locale;

/**
 * The closing lines of a reverse-twin run, for a terminal or a CI log: the outcome, each pending migration with its
 * rehearsal and its fate on production, the hazards, and where a failure happened (file:line).
 */
public final class ReverseTwinSummary {
    private ReverseTwinSummary() {
    }

    public static String render(ReverseTwinReport report) {
        StringBuilder text = new StringBuilder();
        text.append('\n').append(headline(report)).append('\n');
        List<MigrationReport> migrations = report.migrations() == null ? List.of() : report.migrations();
        if (!migrations.isEmpty()) {
            int width = Math.max(4, migrations.stream().mapToInt(m -> String.valueOf(m.file()).length()).max().orElse(4));
            text.append(String.format(Locale.ROOT, "  %-" + width + "s %10s  %-18s %s%n", "file", "statements", "rehearsal", "production"));
            for (MigrationReport migration : migrations) {
                text.append(String.format(Locale.ROOT, "  %-" + width + "s %10d  %-18s %s%n", migration.file(), migration.statements(),
                        rehearsal(migration), production(migration)));
            }
        }
        List<PhaseTiming> phases = report.phases() == null ? List.of() : report.phases();
        for (PhaseTiming phase : phases) {
            text.append(String.format(Locale.ROOT, "  %-10s %8.1f s%n", phase.phase(), phase.seconds()));
        }
        List<Hazard> hazards = report.hazards() == null ? List.of() : report.hazards();
        if (!hazards.isEmpty()) {
            text.append(hazards.size()).append(hazards.size() == 1 ? " hazard" : " hazards")
                    .append(" on a live production (docs/migration-hazards.md):\n");
            for (Hazard hazard : hazards) {
                text.append("  ").append(hazard.file()).append(':').append(hazard.line()).append(' ').append(hazard.kind())
                        .append(": ").append(hazard.risk()).append('\n');
            }
        }
        failure(report.failedMigration(), report.failure(), text);
        return text.toString();
    }

    /** Migrations this run did not apply because someone else had: never counted as this run's. */
    private static String skipped(ReverseTwinReport report) {
        long skipped = report.migrations().stream().filter(m -> m.status() == io.neontwin.report.MigrationStatus.SKIPPED).count();
        return skipped == 0 ? "" : "; " + skipped + " found applied by someone else and skipped";
    }

    static String headline(ReverseTwinReport report) {
        Outcome outcome = report.outcome() == null ? Outcome.FAILED : report.outcome();
        int pending = report.migrations() == null ? 0 : report.migrations().size();
        long applied = report.appliedCount();
        String took = String.format(Locale.ROOT, " in %.1f s", report.durationSeconds());
        return switch (outcome) {
            case SUCCEEDED -> pending == 0 ? "Reverse twin succeeded" + took + ": production is up to date, no migration pending"
                    : "Reverse twin succeeded" + took + ": " + applied + " of " + pending + " pending " + migrations(pending)
                    + " applied to production" + skipped(report);
            case PLANNED -> "Reverse twin planned (dry run)" + took + ": " + pending + " pending " + migrations(pending)
                    + (pending == 0 ? "" : ", rehearsed on the twin") + "; production not written";
            case FAILED -> "Reverse twin failed" + took + ": " + applied + " of " + pending + " pending " + migrations(pending)
                    + " applied to production";
        };
    }

    private static String migrations(int count) {
        return count == 1 ? "migration" : "migrations";
    }

    private static String rehearsal(MigrationReport migration) {
        if (migration.rehearsal() == null) {
            return "–";
        }
        return migration.rehearsal().label() + seconds(migration.rehearsalSeconds());
    }

    private static String production(MigrationReport migration) {
        if (migration.status() == null) {
            return "–";
        }
        return migration.status().label() + seconds(migration.applySeconds());
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "" : String.format(Locale.ROOT, " %.1f s", seconds);
    }

    private static void failure(MigrationError error, Failure failure, StringBuilder text) {
        if (error != null) {
            boolean rehearsal = "rehearsal".equals(error.stage());
            text.append(rehearsal ? "Failed in the rehearsal on the twin" : "Failed on production").append(" at ")
                    .append(error.file()).append(':').append(error.line())
                    .append(error.sqlState() == null ? "" : " (SQLSTATE " + error.sqlState() + ")").append(": ")
                    .append(error.message()).append('\n');
            if (error.statement() != null) {
                text.append("  statement: ").append(error.statement()).append('\n');
            }
        }
        if (failure != null && failure.twinState() != null) {
            text.append("Production now: ").append(failure.twinState()).append('\n');
        }
    }
}
