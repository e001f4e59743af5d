package io.neontwin.diff.cli;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.diff.DatabaseDiff;
import io.neontwin.diff.NextMigration;
import io.neontwin.diff.SchemaDiff;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.Hazard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code neon-twin diff --from URL --to URL}: the migration that makes one database's schema match another's,
 * printed (SQL on standard output, a summary on standard error) or written as the folder's next migration.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Write the SQL that makes the schema of --from match the schema of --to, read from both catalogs.",
                "It comes in dependency order, each statement with its hazards, those that cannot run in a transaction marked."},
        footer = {"", "Guide: docs/schema-diff.md. Exit codes: docs/exit-codes.md."})
public final class DiffCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", paramLabel = "<url>", description = "The database to change (production, or a base branch).")
    String from;

    @Option(names = "--to", paramLabel = "<url>", description = "The database whose schema it should get (the branch where you worked).")
    String to;

    @Option(names = "--write", paramLabel = "<dir>",
            description = "Write the migration as the next V<version>__<name>.sql of this folder instead of printing it.")
    Path write;

    @Option(names = "--name", paramLabel = "<name>", description = "The migration's name in the file name (default: "
            + NextMigration.DEFAULT_NAME + ").")
    String name;

    @Option(names = "--privileges", description = "Compare grants too (roles must exist on both sides under the same names).")
    boolean privileges;

    /** Opens the connections; tests put one with a quick sleeper in its place. */
    Connector connector = new Connector();

    @Override
    public Integer call() {
        ConnectionSpec fromSpec = ConnectionSpec.parse("--from", required("--from", from));
        ConnectionSpec toSpec = ConnectionSpec.parse("--to", required("--to", to));
        SchemaDiff diff = new DatabaseDiff(connector).between(fromSpec, toSpec, privileges);
        String script = diff.script("neon-twin diff: makes " + fromSpec.describe() + " match " + toSpec.describe() + ".");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (write == null) {
            out.print(script);
            err.println(summary(diff));
        } else if (diff.isEmpty()) {
            out.println("No differences: " + fromSpec.describe() + " already matches " + toSpec.describe() + "; nothing written.");
        } else {
            Path file = NextMigration.write(write, name, script, "--write");
            out.println("wrote " + file + ": " + summary(diff));
        }
        out.flush();
        err.flush();
        return ExitCode.OK.code();
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new UserError(ExitCode.INVALID_INPUT, option + " is missing; pass the connection string of the database "
                    + (option.equals("--from") ? "to change." : "whose schema it should get."));
        }
        return value;
    }

    static String summary(SchemaDiff diff) {
        if (diff.isEmpty()) {
            return "no differences.";
        }
        long alone = diff.statements().stream().filter(statement -> !statement.transactional()).count();
        Set<String> kinds = new LinkedHashSet<>(diff.hazards().stream().map(Hazard::kind).toList());
        return diff.statements().size() + " statements (" + alone + " outside a transaction), "
                + (kinds.isEmpty() ? "no hazards." : diff.hazards().size() + " hazards: " + String.join(", ", kinds) + ".");
    }
}
