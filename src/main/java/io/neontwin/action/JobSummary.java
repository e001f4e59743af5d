package io.neontwin.action;

import io.neontwin.report.Bytes;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
import io.neontwin.report.Hazard;
import io.neontwin.report.MigrationError;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.MigrationStatus;
import io.neontwin.report.NeonBranches;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.Outcome;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.TableReport;
import io.neontwin.report.TwinReport;
import io.neontwin.report.Verification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The run as Markdown for the job's summary page: what was copied, the largest tables, timings, warnings.
 * GitHub refuses a step summary over 1 MiB, so lists are capped and the whole is cut short, with a note, if it
 * would still be larger.
 */
public final class JobSummary {
    static final int TABLES_SHOWN = 20;
    static final int LIST_ITEMS_SHOWN = 30;
    static final int LONGEST_ITEM = 500;
    /** GitHub's limit is 1 MiB; the margin leaves room for the note and for other steps' summaries. */
    static final int MAX_BYTES = 1024 * 1024 - 16 * 1024;

    private JobSummary() {
    }

    public static String render(TwinReport report, String reportPath) {
        StringBuilder md = new StringBuilder();
        heading(report, md);
        databases(report, md);
        totals(report, md);
        largestTables(report.tables(), md);
        privacy(report.tables(), md);
        phases(report.phases(), md);
        verification(report.verification(), md);
        neonBranches(report.neonBranches(), md);
        bulletList("Warnings", report.warnings(), md);
        failure(report.failure(), md);
        md.append("\nThe full report is `").append(cell(reportPath))
                .append("` in the workspace; keep it with `actions/upload-artifact`.\n");
        return capped(md.toString());
    }

    static final int MIGRATIONS_SHOWN = 100;
    static final int HAZARDS_SHOWN = 50;

    /**
     * A reverse-twin run: what production lacked, how each migration's rehearsal on the twin went and what became of
     * it on production, the hazards found by reading the SQL, and where a failure happened (file:line, statement,
     * production's state).
     *
     * @param migrationsPath the migrations-path input, for naming files as the repository does
     */
    public static String render(ReverseTwinReport report, String reportPath, String migrationsPath) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(reverseTitle(report)).append("\n\n");
        md.append("| | Database | PostgreSQL |\n|---|---|---|\n");
        md.append("| Production (").append(productionRole(report)).append(") | ")
                .append(where(report.production())).append(" | ").append(version(report.production())).append(" |\n");
        md.append("| Twin (rehearsal, rolled back) | ").append(where(report.twin())).append(" | ").append(version(report.twin())).append(" |\n\n");
        md.append("Migrations from `").append(cell(migrationsPath)).append("`; production's history `").append(cell(report.historyTable()))
                .append('`').append(report.appliedBefore() == null ? "" : " held " + report.appliedBefore() + " before this run")
                .append(". Took ").append(seconds(report.durationSeconds())).append(".\n\n");
        migrations(report.migrations(), md);
        statementTimes(report.migrations(), md);
        hazards(report.hazards(), md);
        phases(report.phases(), md);
        bulletList("Warnings", report.warnings(), md);
        migrationFailure(report.failedMigration(), report.failure(), md);
        md.append("\nThe full report is `").append(cell(reportPath))
                .append("` in the workspace; keep it with `actions/upload-artifact`.\n");
        return capped(md.toString());
    }

    private static String reverseTitle(ReverseTwinReport report) {
        int pending = report.migrations() == null ? 0 : report.migrations().size();
        return switch (report.outcome() == null ? Outcome.FAILED : report.outcome()) {
            case SUCCEEDED -> pending == 0 ? "✅ Production is up to date: no migration pending"
                    : "✅ " + report.appliedCount() + " of " + pending + " " + plural(pending, "migration") + " applied to production";
            case PLANNED -> "📝 Reverse twin: dry run (" + pending + " pending " + plural(pending, "migration")
                    + " planned and rehearsed, production not written)";
            case FAILED -> report.failedMigration() == null ? "❌ Reverse twin failed"
                    : "❌ Migration failed " + ("rehearsal".equals(report.failedMigration().stage()) ? "in rehearsal" : "on production")
                    + ": " + cell(report.failedMigration().file()) + " line " + report.failedMigration().line();
        };
    }

    private static String productionRole(ReverseTwinReport report) {
        if (report.outcome() == Outcome.PLANNED) {
            return "not written: dry run";
        }
        return report.appliedCount() > 0 ? "migrated" : "not changed by this run";
    }

    private static String plural(long count, String word) {
        return count == 1 ? word : word + "s";
    }

    private static void migrations(List<MigrationReport> migrations, StringBuilder md) {
        if (migrations == null || migrations.isEmpty()) {
            return;
        }
        md.append("### Migrations\n\n| Version | File | Statements | Rehearsal | Status | On production |\n|---|---|---:|---|---|---:|\n");
        migrations.stream().limit(MIGRATIONS_SHOWN).forEach(m -> md.append("| ").append(cell(m.version())).append(" | `")
                .append(cell(m.file())).append("` | ").append(m.statements()).append(m.transactional() ? "" : " (no transaction)")
                .append(" | ").append(m.rehearsal() == null ? "–" : m.rehearsal().label()
                        + (m.rehearsalSeconds() == null ? "" : " in " + seconds(m.rehearsalSeconds())))
                .append(" | ").append(m.status() == null ? "–" : m.status() == MigrationStatus.FAILED ? "**failed**" : m.status().label())
                .append(" | ").append(m.applySeconds() == null ? "–" : seconds(m.applySeconds())).append(" |\n"));
        if (migrations.size() > MIGRATIONS_SHOWN) {
            md.append("\n…and ").append(migrations.size() - MIGRATIONS_SHOWN).append(" more (see the JSON report).\n");
        }
        md.append('\n');
    }

    /** With rehearse-on: branch, each statement's time there: what it will roughly take on production. */
    private static void statementTimes(List<MigrationReport> migrations, StringBuilder md) {
        if (migrations == null || migrations.stream().allMatch(m -> m.statementTimes() == null)) {
            return;
        }
        md.append("### Statement times in the rehearsal on a branch of the twin\n\nCommitted on the twin's full-size data.\n\n")
                .append("| Where | Statement | Time |\n|---|---|---:|\n");
        migrations.stream().filter(m -> m.statementTimes() != null).limit(MIGRATIONS_SHOWN).forEach(m -> m.statementTimes()
                .forEach(t -> md.append("| `").append(cell(m.file())).append(':').append(t.line()).append("` | `")
                        .append(shortened(cell(t.statement()))).append("` | ").append(seconds(t.seconds())).append(" |\n")));
        md.append('\n');
    }

    private static void hazards(List<Hazard> hazards, StringBuilder md) {
        if (hazards == null || hazards.isEmpty()) {
            return;
        }
        md.append("### Hazards on a live production\n\nFound by reading the SQL; the kinds are explained in docs/migration-hazards.md.\n\n")
                .append("| Kind | Where | Risk | Safer way |\n|---|---|---|---|\n");
        hazards.stream().limit(HAZARDS_SHOWN).forEach(h -> md.append("| `").append(cell(h.kind())).append("` | `")
                .append(cell(h.file())).append(':').append(h.line()).append("` | ").append(shortened(cell(h.risk()))).append(" | ")
                .append(h.advice() == null ? "–" : shortened(cell(h.advice()))).append(" |\n"));
        if (hazards.size() > HAZARDS_SHOWN) {
            md.append("\n…and ").append(hazards.size() - HAZARDS_SHOWN).append(" more (see the JSON report).\n");
        }
        md.append('\n');
    }

    private static void migrationFailure(MigrationError error, Failure failure, StringBuilder md) {
        if (failure == null && error == null) {
            return;
        }
        md.append("### What went wrong\n\n");
        if (error != null) {
            md.append("- **Where:** `").append(cell(error.file())).append(':').append(error.line()).append("`, ")
                    .append("rehearsal".equals(error.stage()) ? "in the rehearsal on the twin (production was not touched)" : "on production")
                    .append('\n');
            md.append("- **Statement:** ").append(inlineCode(shortened(error.statement()))).append("\n");
            md.append("- **Error:** ").append(shortened(cell(error.message())))
                    .append(error.sqlState() == null ? "" : " (SQLSTATE " + cell(error.sqlState()) + ")").append('\n');
        } else {
            md.append("- **Phase:** ").append(cell(failure.phase())).append('\n');
            md.append("- **Error:** ").append(shortened(cell(failure.message()))).append('\n');
        }
        if (failure != null) {
            md.append("- **Production now:** ").append(cell(failure.twinState())).append('\n');
            md.append("- **Exit code:** ").append(failure.exitCode()).append(meaning(failure.exitCode())).append('\n');
        }
    }

    private static void heading(TwinReport report, StringBuilder md) {
        String title = switch (report.outcome() == null ? Outcome.FAILED : report.outcome()) {
            case SUCCEEDED -> "✅ Neon twin refreshed";
            case PLANNED -> "📝 Neon twin: dry run (plan only, nothing written)";
            case FAILED -> "❌ Neon twin failed";
        };
        md.append("## ").append(title).append("\n\n");
    }

    private static void databases(TwinReport report, StringBuilder md) {
        md.append("| | Database | PostgreSQL |\n|---|---|---|\n");
        md.append("| Production (read) | ").append(where(report.production())).append(" | ").append(version(report.production())).append(" |\n");
        md.append("| Twin (replaced) | ").append(where(report.twin())).append(" | ").append(version(report.twin())).append(" |\n");
        if (report.client() != null) {
            md.append("| Client | pg_dump/pg_restore | ").append(cell(report.client().version())).append(" |\n");
        }
        md.append('\n');
    }

    private static void totals(TwinReport report, StringBuilder md) {
        md.append("| Tables | Rows | Data | Throughput | Duration |\n|---:|---:|---:|---:|---:|\n");
        if (report.totals() == null) {
            md.append("| – | – | – | – | ").append(seconds(report.durationSeconds())).append(" |\n\n");
            return;
        }
        md.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %.1f MB/s | %s |%n%n", report.totals().tables(),
                report.totals().rows(), Bytes.human(report.totals().bytes()), report.totals().megabytesPerSecond(),
                seconds(report.durationSeconds())));
    }

    private static void largestTables(List<TableReport> tables, StringBuilder md) {
        if (tables == null || tables.isEmpty()) {
            return;
        }
        md.append("### Largest tables\n\n| Table | Rows | Data | Time | Ranges |\n|---|---:|---:|---:|---:|\n");
        tables.stream().limit(TABLES_SHOWN).forEach(table -> md.append(String.format(Locale.ROOT, "| `%s` | %s | %s | %s | %d |%n",
                cell(table.qualifiedName()), table.dataCopied() ? String.format(Locale.ROOT, "%,d", table.rows()) : "structure only",
                Bytes.human(table.bytes()), seconds(table.seconds()), table.chunks())));
        if (tables.size() > TABLES_SHOWN) {
            md.append("\n…and ").append(tables.size() - TABLES_SHOWN).append(" smaller tables (see the JSON report).\n");
        }
        md.append('\n');
    }

    /** The rules file's effect per table (docs/privacy.md): the rows kept and each masked column's transformer, never a value. */
    private static void privacy(List<TableReport> tables, StringBuilder md) {
        List<TableReport> ruled = tables == null ? List.of()
                : tables.stream().filter(t -> t.filtered() || !t.masks().isEmpty()).toList();
        if (ruled.isEmpty()) {
            return;
        }
        md.append("### Privacy rules\n\n| Table | Rows kept | Masked columns |\n|---|---:|---|\n");
        ruled.forEach(table -> md.append(String.format(Locale.ROOT, "| `%s` | %,d%s | %s |%n", cell(table.qualifiedName()), table.rows(),
                table.filtered() ? " (where)" : "", cell(new java.util.TreeMap<>(table.masks()).entrySet().stream()
                        .map(m -> m.getKey() + ": " + m.getValue()).collect(java.util.stream.Collectors.joining(", "))))));
        md.append('\n');
    }

    private static void phases(List<PhaseTiming> phases, StringBuilder md) {
        if (phases == null || phases.isEmpty()) {
            return;
        }
        md.append("### Timings\n\n| Phase | Time |\n|---|---:|\n");
        phases.forEach(phase -> md.append("| ").append(cell(phase.phase())).append(" | ").append(seconds(phase.seconds())).append(" |\n"));
        md.append('\n');
    }

    private static void verification(Verification verification, StringBuilder md) {
        if (verification == null) {
            return;
        }
        md.append("### Verification\n\n").append(cell(verification.mode())).append(": ")
                .append(verification.passed() ? "passed" : "**failed**").append(", ")
                .append(verification.tables()).append(" tables checked.\n\n");
        bulletList("Differences", verification.mismatches(), md);
    }

    /** Each branch below the twin and what the refresh did to it, parents before their children. */
    private static void neonBranches(NeonBranches branches, StringBuilder md) {
        if (branches == null) {
            return;
        }
        md.append("### Neon branches\n\n").append(cell(branches.oneLine())).append("\n\n");
        if (branches.branches().isEmpty()) {
            return;
        }
        md.append("| Branch | Parent | Result | Reason |\n|---|---|---|---|\n");
        branches.branches().stream().limit(LIST_ITEMS_SHOWN).forEach(branch -> md.append("| `").append(cell(branch.name()))
                .append("` | ").append(cell(branch.parent())).append(" | ").append(branch.result().label()).append(" | ")
                .append(branch.reason() == null ? "" : shortened(cell(branch.reason()))).append(" |\n"));
        if (branches.branches().size() > LIST_ITEMS_SHOWN) {
            md.append("\n…and ").append(branches.branches().size() - LIST_ITEMS_SHOWN).append(" more (see the JSON report).\n");
        }
        md.append('\n');
    }

    private static void bulletList(String title, List<String> items, StringBuilder md) {
        if (items == null || items.isEmpty()) {
            return;
        }
        md.append("### ").append(title).append("\n\n");
        items.stream().limit(LIST_ITEMS_SHOWN).forEach(item -> md.append("- ").append(shortened(cell(item))).append('\n'));
        if (items.size() > LIST_ITEMS_SHOWN) {
            md.append("- …and ").append(items.size() - LIST_ITEMS_SHOWN).append(" more (see the JSON report).\n");
        }
        md.append('\n');
    }

    private static void failure(Failure failure, StringBuilder md) {
        if (failure == null) {
            return;
        }
        md.append("### What went wrong\n\n");
        md.append("- **Phase:** ").append(cell(failure.phase())).append('\n');
        md.append("- **Error:** ").append(shortened(cell(failure.message()))).append('\n');
        md.append("- **Twin now:** ").append(cell(failure.twinState())).append('\n');
        md.append("- **Exit code:** ").append(failure.exitCode()).append(meaning(failure.exitCode())).append('\n');
    }

    private static String meaning(int code) {
        for (ExitCode exitCode : ExitCode.values()) {
            if (exitCode.code() == code) {
                return " (" + exitCode.meaning() + ")";
            }
        }
        return "";
    }

    private static String where(DatabaseInfo database) {
        return database == null ? "–" : "`" + cell(database.host() + ":" + database.port() + "/" + database.database()) + "`";
    }

    private static String version(DatabaseInfo database) {
        return database == null || database.serverVersion() == null ? "–" : cell(database.serverVersion());
    }

    private static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    /** Text from databases and errors, made safe inside a table cell or a line: no pipes, no HTML, one line. */
    static String cell(String text) {
        if (text == null) {
            return "–";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")
                .replace("`", "'").replace("\r", " ").replace("\n", " ");
    }

    /**
     * Text as inline code outside a table. GitHub shows a code span's characters as they are (an entity such as
     * &amp;gt; would show as written), so only what would end the span or the line is replaced.
     */
    static String inlineCode(String text) {
        return "`" + (text == null ? "" : text.replace("`", "'").replace("\r", " ").replace("\n", " ")) + "`";
    }

    private static String shortened(String text) {
        return text.length() <= LONGEST_ITEM ? text : text.substring(0, LONGEST_ITEM) + "…";
    }

    static String capped(String markdown) {
        byte[] bytes = markdown.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return markdown;
        }
        String note = "\n\n…summary cut short to stay under GitHub's 1 MiB limit; the JSON report has everything.\n";
        // Cut on a character boundary: decoding a prefix may leave half a character, which the decoder drops.
        String head = new String(bytes, 0, MAX_BYTES - note.length(), StandardCharsets.UTF_8).replaceAll("\uFFFD$", "");
        return head + note;
    }
}
