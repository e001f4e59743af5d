package io.neontwin.demo;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.CommandLineExtensions;
import io.neontwin.face.ConsoleProgress;
import io.neontwin.report.ReportJson;
import io.neontwin.reversetwin.ReverseTwinEngine;
import io.neontwin.reversetwin.ReverseTwinOptions;
import io.neontwin.reversetwin.ReverseTwinResult;
import io.neontwin.twin.MaskingKey;
import io.neontwin.twin.PrivacySettings;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinEngine;
import io.neontwin.twin.TwinOptions;
import io.neontwin.twin.TwinResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code neon-twin demo}: the first thing a newcomer runs. Two throwaway PostgreSQL servers (embedded binaries from
 * the jar, no credentials), a small shop seeded as "production", a twin of it, the refusal to write when the twin URL
 * points at production, a refresh (the nightly run) that replaces what a developer changed in the twin, then the
 * reverse twin: a pull request's dry run flags a hazard, and the fixed migrations are applied. The servers are
 * removed at the end; the report and the migrations stay in a temporary folder the demo names.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start two throwaway PostgreSQL servers, seed a small production, twin it, show a refusal and a "
                + "refresh, then carry two migrations back to production with the reverse twin; print the reports.",
        footer = {"", "The demo's files (the JSON report, the migrations) go to a temporary folder it names; "
                + "nothing is written to the current folder."})
public final class DemoCommand implements Callable<Integer> {
    /** How often the demo says it is still waiting for the servers, so that a first start never looks like a hang. */
    private static final long STILL_STARTING_SECONDS = 5;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--report", paramLabel = "<file>",
            description = "Where to write the JSON report of the refresh (default: neon-twin-demo-report.json in the demo's temporary folder).")
    Path reportFile;

    @Option(names = "--pg-bin", paramLabel = "<dir>", description = "A folder holding pg_dump, pg_restore and psql of PostgreSQL 15 or newer.")
    List<Path> pgBinDirs = new ArrayList<>();

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        EmbeddedPlatform platform = requireEmbeddedServer();
        Path folder = Files.createTempDirectory("neon-twin-demo-");
        say("The demo's files go to " + folder + " (the JSON report, the migrations); it is kept for you to look at.");
        try (Servers servers = Servers.start(folder, platform, this)) {
            say("Seeding production with a small shop (customers, orders, partitioned page views, a view and a materialized view) ...");
            seed(servers.production());
            ConnectionSpec productionUrl = ConnectionSpec.parse("production-url",
                    "postgresql://postgres@127.0.0.1:" + servers.production().getPort() + "/shop");
            ConnectionSpec twinUrl = ConnectionSpec.parse("twin-url",
                    "postgresql://postgres@127.0.0.1:" + servers.twin().getPort() + "/shop_twin");
            TwinOptions options = TwinOptions.of(productionUrl, twinUrl).withPgBinDirs(pgBinDirs);
            ConsoleProgress progress = new ConsoleProgress(out, ConsoleProgress.stdoutIsTerminal());

            scene("The first run creates the twin:",
                    "neon-twin twin --production-url " + productionUrl.describe() + " --twin-url " + twinUrl.describe());
            TwinResult first = new TwinEngine(options, progress).run();
            progress.printSummary(first.report());
            if (first.report().failure() != null) {
                throw new UserError(first.exitCode(), first.report().failure().message());
            }

            refusal(productionUrl, "postgresql://postgres@127.0.0.1:" + servers.production().getPort() + "/shop");

            int refreshed = refresh(servers, options, progress, folder);
            if (refreshed != ExitCode.OK.code()) {
                return refreshed;
            }
            int masked = maskedTwin(servers, options, progress, folder);
            if (masked != ExitCode.OK.code()) {
                return masked;
            }
            int reverse = reverseTwin(productionUrl, twinUrl, progress, folder);
            if (reverse != ExitCode.OK.code()) {
                return reverse;
            }
            int diffed = generatedMigration(servers, productionUrl, folder.resolve("migrations"));
            if (diffed != ExitCode.OK.code()) {
                return diffed;
            }
            int written = workflows(folder.resolve("your-repository"));
            say("");
            say("Next: run it on your own databases with `neon-twin twin --production-url ... --twin-url ...` and "
                    + "`neon-twin reverse-twin --migrations DIR ...`, or as a GitHub Action (README.md).");
            return written;
        }
    }

    /**
     * The next change needs no hand-written migration: a developer changes the schema of their own copy (in Neon, a
     * branch of the twin; here a copy of production's database made from it as a template), and `neon-twin diff`
     * writes the migration that makes production match it, with its hazards, as the folder's next file.
     */
    private int generatedMigration(Servers servers, ConnectionSpec productionUrl, Path migrations) throws Exception {
        say("");
        say("The next change is written for you: a developer adds a column and an index on their own branch ...");
        execute(servers.production(), "postgres", "CREATE DATABASE shop_dev TEMPLATE shop");
        execute(servers.production(), "shop_dev", "ALTER TABLE customers ADD COLUMN nickname text; "
                + "CREATE INDEX customers_nickname ON customers (nickname)");
        String branchUrl = "postgresql://postgres@127.0.0.1:" + servers.production().getPort() + "/shop_dev";
        scene("... and `neon-twin diff` writes the migration that makes production match the branch:",
                "neon-twin diff --from " + productionUrl.describe() + " --to 127.0.0.1:" + servers.production().getPort()
                        + "/shop_dev --write " + migrations + " --name add_customer_nickname");
        CommandLine diff = CommandLineExtensions.command("diff");
        diff.setOut(out);
        diff.setErr(out);
        int exit = diff.execute("--from", "postgresql://postgres@127.0.0.1:" + servers.production().getPort() + "/shop",
                "--to", branchUrl, "--write", migrations.toString(), "--name", "add_customer_nickname");
        try (var files = Files.list(migrations)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("V3__")).toList()) {
                Files.readAllLines(file).stream().filter(line -> !line.isBlank()).forEach(line -> say("    " + line));
            }
        }
        say("The pull request that adds it goes through the same dry run, review and apply as above.");
        return exit;
    }

    /** The same two runs as GitHub workflows, written by `neon-twin init` into a repository folder of the demo's. */
    private int workflows(Path repository) throws IOException {
        Files.createDirectories(repository);
        scene("Put both in GitHub Actions: `neon-twin init` writes the workflows (the nightly twin; the reverse twin's "
                + "dry run on pull requests and apply on merge) and lists the secrets to create:",
                "neon-twin init --reverse --directory " + repository);
        CommandLine init = CommandLineExtensions.command("init");
        init.setOut(out);
        init.setErr(out);
        return init.execute("--reverse", "--directory", repository.toString());
    }

    /** Production and the twin, started side by side (each start unpacks and initialises a server: seconds each). */
    private record Servers(EmbeddedPostgres production, EmbeddedPostgres twin) implements AutoCloseable {
        static Servers start(Path folder, EmbeddedPlatform platform, DemoCommand demo) throws Exception {
            demo.say("Starting two throwaway PostgreSQL servers side by side, \"production\" and \"twin\" (unpacking "
                    + platform.archive() + " and running initdb: about 10 s the first time) ...");
            CompletableFuture<EmbeddedPostgres> production = CompletableFuture.supplyAsync(() -> startServer(folder.resolve("production-data")));
            CompletableFuture<EmbeddedPostgres> twin = CompletableFuture.supplyAsync(() -> startServer(folder.resolve("twin-data")));
            CompletableFuture<Void> both = CompletableFuture.allOf(production, twin);
            long waited = 0;
            while (true) {
                try {
                    both.get(STILL_STARTING_SECONDS, TimeUnit.SECONDS);
                    break;
                } catch (TimeoutException stillStarting) {
                    waited += STILL_STARTING_SECONDS;
                    demo.say("    still starting (" + waited + " s): " + (production.isDone() ? "production is up, " : "")
                            + (twin.isDone() ? "the twin is up, " : "") + "waiting for initdb and the server ...");
                } catch (ExecutionException failed) {
                    closeQuietly(production);
                    closeQuietly(twin);
                    throw failed.getCause() instanceof Exception cause ? cause : failed;
                }
            }
            demo.say("    both servers are up: production on port " + production.join().getPort() + ", the twin on port "
                    + twin.join().getPort() + ".");
            return new Servers(production.join(), twin.join());
        }

        private static EmbeddedPostgres startServer(Path dataDirectory) {
            try {
                return EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                        .setDataDirectory(dataDirectory).setCleanDataDirectory(true).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void closeQuietly(CompletableFuture<EmbeddedPostgres> server) {
            try {
                server.join().close();
            } catch (CompletionException | IOException ignored) {
                // the other server's failure is the one reported
            }
        }

        @Override
        public void close() throws IOException {
            try (EmbeddedPostgres p = production; EmbeddedPostgres t = twin) {
                // both closed, even when one close fails
            }
        }
    }

    /** The safety everyone hopes never to need: a twin URL copied from production's secret. */
    private void refusal(ConnectionSpec productionUrl, String productionUrlText) {
        ConnectionSpec mistake = ConnectionSpec.parse("twin-url", productionUrlText);
        scene("A workflow whose twin URL was pasted from production's secret is refused before it writes anything:",
                "neon-twin twin --production-url " + productionUrl.describe() + " --twin-url " + mistake.describe());
        TwinResult refused = new TwinEngine(TwinOptions.of(productionUrl, mistake).withPgBinDirs(pgBinDirs), ProgressListener.SILENT).run();
        if (refused.exitCode() != ExitCode.SAFETY) {
            throw new IllegalStateException("the demo expected a refusal, got exit code " + refused.exitCode().code());
        }
        say("error: " + refused.report().failure().message());
        say("(exit code " + refused.exitCode().code() + ": " + refused.exitCode().meaning() + ")");
    }

    /** The nightly run: a developer's scratch table in the twin goes, production's new customer comes. */
    /**
     * A twin safe to hand to every developer: a rules file masks the customers' emails and names and drops the page
     * views' IP addresses in the COPY stream, with a key that keeps the masked values the same every night.
     */
    private int maskedTwin(Servers servers, TwinOptions options, ConsoleProgress progress, Path folder) throws Exception {
        Path rules = folder.resolve("neon-twin-rules.yml");
        Files.writeString(rules, """
                tables:
                  public.customers:
                    columns:
                      email: {mask: email, domain: example.com}
                      name: {mask: person_first_name}
                  public.page_views_old:
                    columns:
                      ip: {mask: "null"}
                  public.page_views_new:
                    columns:
                      ip: {mask: "null"}
                """);
        ConnectionSpec safeTwin = ConnectionSpec.parse("twin-url",
                "postgresql://postgres@127.0.0.1:" + servers.twin().getPort() + "/shop_safe");
        scene("A twin safe to hand to every developer: " + rules + " masks the customers' emails and names and drops "
                + "the page views' IP addresses, in the stream (production never sees the key):",
                "NEON_TWIN_MASKING_KEY=... neon-twin twin ... --twin-url " + safeTwin.describe() + " --rules " + rules);
        TwinOptions masked = TwinOptions.of(options.production(), safeTwin).withPgBinDirs(options.pgBinDirs())
                .withPrivacy(new PrivacySettings(rules, MaskingKey.of("demo-masking-key-" + servers.twin().getPort())));
        TwinResult result = new TwinEngine(masked, progress).run();
        progress.printSummary(result.report());
        if (result.exitCode() != ExitCode.OK) {
            return result.exitCode().code();
        }
        say("    production: " + firstRow(servers.production(), "shop", "SELECT email || ' / ' || name FROM customers ORDER BY id LIMIT 1"));
        say("    safe twin:  " + firstRow(servers.twin(), "shop_safe", "SELECT email || ' / ' || name FROM customers ORDER BY id LIMIT 1"));
        return ExitCode.OK.code();
    }

    private static String firstRow(EmbeddedPostgres server, String database, String query) throws Exception {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(query)) {
            return row.next() ? row.getString(1) : "(none)";
        }
    }

    private int refresh(Servers servers, TwinOptions options, ConsoleProgress progress, Path folder) throws Exception {
        say("");
        say("A developer creates a scratch table in the twin; meanwhile production gains a customer.");
        execute(servers.twin(), "shop_twin", "CREATE TABLE scratch (note text); INSERT INTO scratch VALUES ('try things here')");
        execute(servers.production(), "shop",
                "INSERT INTO customers (email, name, signed_up) VALUES ('new@example.com', 'New Customer', now())");
        scene("The nightly refresh replaces the twin with production's current data:", "neon-twin twin ... (the same command)");
        TwinResult refresh = new TwinEngine(options, progress).run();
        progress.printSummary(refresh.report());
        Path report = reportFile != null ? reportFile : folder.resolve("neon-twin-demo-report.json");
        ReportJson.write(refresh.report(), report);
        say("The JSON report of the refresh is in " + report.toAbsolutePath() + " (fields: docs/report.md).");
        if (refresh.exitCode() != ExitCode.OK) {
            return refresh.exitCode().code();
        }
        say(tableExists(servers.twin(), "shop_twin", "public.scratch")
                ? "The developer's scratch table is still in the twin (unexpected)."
                : "The developer's scratch table is gone: a refresh makes the twin an exact copy of production again.");
        return ExitCode.OK.code();
    }

    /**
     * A pull request's migrations: the dry run flags an index built without CONCURRENTLY (it would block writes to
     * customers on production); the author fixes it, and the merged migrations are applied, each once, recorded.
     */
    private int reverseTwin(ConnectionSpec productionUrl, ConnectionSpec twinUrl, ConsoleProgress progress, Path folder)
            throws IOException {
        Path migrations = Files.createDirectories(folder.resolve("migrations"));
        copyResource("V1__add_customer_loyalty_tier.sql", migrations.resolve("V1__add_customer_loyalty_tier.sql"));
        copyResource("V2__index_customers_by_tier.blocking.sql", migrations.resolve("V2__index_customers_by_tier.sql"));
        ReverseTwinOptions options = ReverseTwinOptions.of(productionUrl, twinUrl, migrations);
        scene("A pull request adds two migrations (" + migrations + "); its workflow plans them, reads them for hazards and "
                + "rehearses them on the twin:", "neon-twin reverse-twin --migrations " + migrations + " --dry-run");
        ReverseTwinResult plan = new ReverseTwinEngine(options.withDryRun(true), progress).run();
        progress.printSummary(plan.report());
        if (plan.exitCode() != ExitCode.OK) {
            return plan.exitCode().code();
        }
        say("The review reads the hazard; the author builds the index CONCURRENTLY instead:");
        copyResource("V2__index_customers_by_tier.sql", migrations.resolve("V2__index_customers_by_tier.sql"));
        say("    " + Files.readAllLines(migrations.resolve("V2__index_customers_by_tier.sql")).getLast());
        scene("The pull request is merged; the workflow applies them to production, each once, recorded:",
                "neon-twin reverse-twin --migrations " + migrations);
        ReverseTwinResult applied = new ReverseTwinEngine(options, progress).run();
        progress.printSummary(applied.report());
        return applied.exitCode().code();
    }

    private void scene(String story, String command) {
        say("");
        say(story);
        say("$ " + command);
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

    private static void copyResource(String name, Path target) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/migrations/" + name)) {
            Files.write(target, in.readAllBytes());
        }
    }

    private static EmbeddedPlatform requireEmbeddedServer() {
        EmbeddedPlatform platform = EmbeddedPlatform.current().orElseThrow(() -> new UserError(ExitCode.INVALID_INPUT,
                "The demo's embedded PostgreSQL runs on Linux and macOS, x86-64 and arm64 (this is "
                        + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                        + "); twin two databases of your own with `neon-twin twin` instead."));
        if (DemoCommand.class.getResource("/" + platform.archive()) == null) {
            throw new UserError(ExitCode.INVALID_INPUT, "This build of neon-twin carries no embedded PostgreSQL for "
                    + platform.artifactSuffix + " (the action's image leaves it out to stay small, and a jar carries only "
                    + "the platform it was built on); run the demo from a source checkout on this machine: "
                    + "./scripts/setup.sh && bin/neon-twin demo.");
        }
        return platform;
    }

    private static void seed(EmbeddedPostgres production) throws Exception {
        execute(production, "postgres", "CREATE DATABASE shop");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/shop.sql")) {
            execute(production, "shop", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static void execute(EmbeddedPostgres server, String database, String sql) throws Exception {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(EmbeddedPostgres server, String database, String table) throws Exception {
        try (Connection connection = server.getDatabase("postgres", database).getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT to_regclass('" + table + "') IS NOT NULL")) {
            row.next();
            return row.getBoolean(1);
        }
    }
}
