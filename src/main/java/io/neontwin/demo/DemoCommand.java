package io.neontwin.demo;

import io.neontwin.cli.ConsoleProgress;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.ReportJson;
import io.neontwin.reversetwin.ReverseTwinEngine;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code neon-twin demo}: the first thing a newcomer runs. Two throwaway PostgreSQL servers (embedded binaries from
 * the jar, no credentials), a small shop seeded as "production", a twin of it, then a refresh (the nightly run),
 * with the plan, progress and report printed as a real run prints them; then the reverse twin carries two migrations
 * back to production (a dry run, then the apply). Everything is removed at the end.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start two throwaway PostgreSQL servers, seed a small production, twin it, refresh it, then carry two "
                + "migrations back to production with the reverse twin; print the reports.")
public final class DemoCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--report", defaultValue = "neon-twin-demo-report.json", description = "Where to write the JSON report (default: ${DEFAULT-VALUE}).")
    Path reportFile;

    @Option(names = "--pg-bin", description = "A folder holding pg_dump, pg_restore and psql of PostgreSQL 15 or newer.")
    List<Path> pgBinDirs = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("Starting two throwaway PostgreSQL servers: \"production\" and \"twin\" ...");
        out.flush();
        try (EmbeddedPostgres production = start(); EmbeddedPostgres twin = start()) {
            out.println("Seeding production with a small shop (customers, orders, partitioned page views, a view and a materialized view) ...");
            out.flush();
            seed(production);
            ConnectionSpec productionUrl = ConnectionSpec.parse("production-url",
                    "postgresql://postgres@127.0.0.1:" + production.getPort() + "/shop");
            ConnectionSpec twinUrl = ConnectionSpec.parse("twin-url", "postgresql://postgres@127.0.0.1:" + twin.getPort() + "/shop_twin");
            TwinOptions options = TwinOptions.of(productionUrl, twinUrl).withPgBinDirs(pgBinDirs);
            ConsoleProgress progress = new ConsoleProgress(out, ConsoleProgress.stdoutIsTerminal());

            out.println();
            out.println("neon-twin twin --production-url " + productionUrl.describe() + " --twin-url " + twinUrl.describe());
            TwinResult first = new TwinEngine(options, progress).run();
            progress.printSummary(first.report());
            if (first.report().failure() != null) {
                throw new UserError(first.exitCode(), first.report().failure().message());
            }

            out.println("A developer changes the twin, then the nightly refresh replaces it with production's current data:");
            try (Connection connection = twin.getDatabase("postgres", "shop_twin").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE scratch (note text)");
            }
            try (Connection connection = production.getDatabase("postgres", "shop").getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("INSERT INTO customers (email, name, signed_up) VALUES ('new@example.com', 'New Customer', now())");
            }
            TwinResult refresh = new TwinEngine(options, progress).run();
            progress.printSummary(refresh.report());
            ReportJson.write(refresh.report(), reportFile);
            out.println("The JSON report of the refresh is in " + reportFile.toAbsolutePath() + " (fields: docs/report.md).");
            if (refresh.exitCode() != ExitCode.OK) {
                return refresh.exitCode().code();
            }

            int reverse = reverseTwin(productionUrl, twinUrl, progress, out);
            out.println("Next: run it on your own databases with `neon-twin twin --production-url ... --twin-url ...` and "
                    + "`neon-twin reverse-twin --migrations DIR ...`, or as a GitHub Action.");
            return reverse;
        }
    }

    /** Two migrations as a pull request would bring them: planned and rehearsed on the twin first, then applied. */
    private static int reverseTwin(ConnectionSpec productionUrl, ConnectionSpec twinUrl, ConsoleProgress progress, PrintWriter out)
            throws IOException {
        Path migrations = Files.createTempDirectory("neon-twin-demo-migrations");
        try {
            for (String file : List.of("V1__add_customer_loyalty_tier.sql", "V2__index_customers_by_tier.sql")) {
                try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/migrations/" + file)) {
                    Files.write(migrations.resolve(file), in.readAllBytes());
                }
            }
            ReverseTwinOptions options = ReverseTwinOptions.of(productionUrl, twinUrl, migrations);
            out.println();
            out.println("A pull request adds two migrations; its workflow plans them and rehearses them on the twin:");
            out.println("neon-twin reverse-twin --migrations migrations --dry-run");
            ReverseTwinResult plan = new ReverseTwinEngine(options.withDryRun(true), progress).run();
            progress.printSummary(plan.report());
            if (plan.exitCode() != ExitCode.OK) {
                return plan.exitCode().code();
            }
            out.println("The pull request is merged; the workflow applies them to production, each once, recorded:");
            out.println("neon-twin reverse-twin --migrations migrations");
            ReverseTwinResult applied = new ReverseTwinEngine(options, progress).run();
            progress.printSummary(applied.report());
            return applied.exitCode().code();
        } finally {
            try (var files = Files.list(migrations)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(migrations);
        }
    }

    private static EmbeddedPostgres start() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
            throw new UserError(ExitCode.INVALID_INPUT, "The demo's embedded PostgreSQL runs on Linux x86-64 only (this is "
                    + os + "/" + arch + "); run the demo in the Docker image, or twin two databases of your own with `neon-twin twin`.");
        }
        if (DemoCommand.class.getResource("/postgres-linux-x86_64.txz") == null) {
            throw new UserError(ExitCode.INVALID_INPUT, "This build of neon-twin carries no embedded PostgreSQL for the demo "
                    + "(the action's image leaves it out to stay small); run the demo from a source checkout: "
                    + "./scripts/setup.sh && bin/neon-twin demo.");
        }
        return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
    }

    private static void seed(EmbeddedPostgres production) throws Exception {
        try (Connection connection = production.getPostgresDatabase().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE shop");
        }
        String sql;
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/shop.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = production.getDatabase("postgres", "shop").getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
