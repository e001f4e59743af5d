package io.neontwin.action;

import io.neontwin.report.Bytes;
import io.neontwin.errors.ExitCode;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.Failure;
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
        phases(report.phases(), md);
        verification(report.verification(), md);
        bulletList("Warnings", report.warnings(), md);
        failure(report.failure(), md);
        md.append("\nThe full report is `").append(cell(reportPath))
                .append("` in the workspace; keep it with `actions/upload-artifact`.\n");
        return capped(md.toString());
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
