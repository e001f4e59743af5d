package io.neontwin.twin;

import io.neontwin.report.Bytes;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.report.PlanReport;

import java.util.Locale;

/** The plan as text: what every run prints before its first write, and all that --dry-run prints. */
public final class PlanPrinter {
    private static final int TABLES_SHOWN = 15;

    private PlanPrinter() {
    }

    public static String render(TwinPlan plan) {
        StringBuilder text = new StringBuilder("Plan\n");
        text.append("  production  ").append(describe(plan.production())).append('\n');
        text.append("  twin        ").append(describe(plan.twin())).append(" — ").append(plan.twinState()).append('\n');
        text.append("  client      pg_dump/pg_restore ").append(plan.client().version()).append(" (")
                .append(plan.client().pgDump()).append(")\n");
        text.append(String.format(Locale.ROOT, "  tables      %d, about %,d rows, %s of data%n", plan.tables().size(),
                plan.totalEstimatedRows(), human(plan.totalBytes())));
        int shown = 0;
        for (TwinPlan.PlannedTable table : plan.tables()) {
            if (shown++ == TABLES_SHOWN) {
                text.append("    … and ").append(plan.tables().size() - TABLES_SHOWN).append(" more\n");
                break;
            }
            text.append(String.format(Locale.ROOT, "    %-44s %,14d rows %10s%s%s%n", table.qualifiedName(), table.estimatedRows(),
                    human(table.bytes()), table.chunks() > 1 ? "  in " + table.chunks() + " ranges" : "",
                    table.copyData() ? "" : "  (structure only)"));
        }
        if (!plan.extensions().isEmpty()) {
            text.append("  extensions ");
            for (TwinPlan.ExtensionCheck extension : plan.extensions()) {
                text.append(' ').append(extension.name()).append(' ').append(extension.version())
                        .append(extension.availableOnTwin() ? "" : " (MISSING on twin)");
            }
            text.append('\n');
        }
        if (!plan.databaseSettings().isEmpty()) {
            text.append("  settings    ").append(plan.databaseSettings().size()).append(" database setting(s) (ALTER DATABASE ... SET): ")
                    .append(String.join(", ", plan.databaseSettings().stream().map(DatabaseSettings::name).toList())).append('\n');
        }
        PlanReport work = plan.execution().report();
        long binary = work.copyStreams().stream().filter(stream -> stream.format().equals("binary")).count();
        text.append(String.format(Locale.ROOT, "  work        %,d schema statement(s); %,d COPY stream(s) (%,d binary, %,d text); "
                        + "%,d post-data statement(s); %,d materialized view(s) to refresh; %,d sequence(s); %,d relation(s) to analyze%n",
                work.schemaStatements(), work.copyStreams().size(), binary, work.copyStreams().size() - binary,
                work.postDataStatements(), work.materializedViews().size(), work.sequences(), work.analyzedRelations()));
        if (!plan.warnings().isEmpty()) {
            text.append("  warnings    ").append(plan.warnings().size()).append(" (listed above)\n");
        }
        return text.toString();
    }

    private static String describe(DatabaseInfo database) {
        return database.host() + ":" + database.port() + "/" + database.database() + " (PostgreSQL " + database.serverVersion() + ")";
    }

    static String human(long bytes) {
        return Bytes.human(bytes);
    }
}
