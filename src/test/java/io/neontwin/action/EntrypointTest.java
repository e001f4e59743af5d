package io.neontwin.action;

import io.neontwin.report.ReportJson;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** entrypoint.sh and the real jar, started as GitHub's runner starts the container, against real PostgreSQL. */
class EntrypointTest {
    /** The embedded test servers trust every local connection: a password in the URL is accepted and ignored. */
    static final String FAKE_PASSWORD = "Tw!n-S3cret/pw";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            missing production-url;       '';                                               postgresql://app:pw-secret1@db.example.com/twin; twin;     3; Invalid input; Input 'production-url' is required
            unknown direction;            postgresql://app:pw-secret1@db.example.com/prod;  postgresql://app:pw-secret1@db.example.com/twin; backward; 3; Invalid input; Input 'direction' is 'backward'
            malformed URL;                postgresql://app:pw-secret1@db.example.com:port/prod; postgresql://app:pw-secret1@db.example.com/twin; twin;  3; Invalid input; production-url is not a valid PostgreSQL connection string
            twin URL equal to production; postgresql://app:pw-secret1@db.example.com/prod;  postgresql://app:pw-secret1@DB.example.com:5432/prod; twin; 9; Refused to overwrite; twin-url points at production's own database
            misspelt scheme;              postgress://app:pw-secret1@db.example.com/prod;   postgresql://app:pw-secret1@db.example.com/twin; twin;     3; Invalid input; production-url is not a valid PostgreSQL connection string: unknown scheme 'postgress'
            one slash after the scheme;   postgresql:/app:pw-secret1@db.example.com/prod;   postgresql://app:pw-secret1@db.example.com/twin; twin;     3; Invalid input; production-url is not a valid PostgreSQL connection string: 'postgresql:' must be followed by '//'
            no scheme;                    app:pw-secret1@db.example.com/prod;               postgresql://app:pw-secret1@db.example.com/twin; twin;     3; Invalid input; production-url is not a valid PostgreSQL connection string: it has no scheme
            """)
    void aBadInputFailsTheStepWithOneErrorAnnotationAndWritesNothing(String name, String productionUrl, String twinUrl,
                                                                    String direction, int exitCode, String title,
                                                                    String message) throws Exception {
        RunnerSimulation runner = new RunnerSimulation(dir);
        RunnerSimulation.Step step = runner.run(Map.of("production-url", productionUrl == null ? "" : productionUrl,
                "twin-url", twinUrl, "direction", direction));

        assertEquals(exitCode, step.exitCode(), step.stdout() + step.stderr());
        assertEquals(1, step.errorAnnotations().size(), step.stdout());
        assertTrue(step.errorAnnotations().get(0).startsWith("::error title=" + title + "::" + message), step.stdout());
        assertEquals("", step.stderr());
        assertEquals("", Files.readString(runner.outputFile));
        assertEquals("", runner.summary());
        assertEquals(List.of(), runner.workspaceFiles());
        assertNoSecretOutsideMasks(step, "pw-secret1");
    }

    @Test
    void theFirstLinesAreMasksAndTheyComeBeforeAnythingElse() throws Exception {
        RunnerSimulation runner = new RunnerSimulation(dir);
        RunnerSimulation.Step step = runner.run(Map.of("production-url", "postgresql://app:first%2Fsecret@db.example.com/prod",
                "twin-url", "postgresql://app:first%2Fsecret@db.example.com/prod", "slack-webhook-url", "https://hooks.slack.com/services/T1/B1/xyzSECRET"));
        List<String> lines = step.lines();
        List<String> masks = lines.stream().takeWhile(line -> line.startsWith("::add-mask::")).toList();
        assertTrue(masks.contains("::add-mask::first%252Fsecret"), lines.toString());
        assertTrue(masks.contains("::add-mask::first/secret"), lines.toString());
        assertTrue(masks.contains("::add-mask::https://hooks.slack.com/services/T1/B1/xyzSECRET"), lines.toString());
        assertEquals(masks.size() + 1, lines.size(), "masks, then the one error: " + lines);
    }

    @Test
    void twinsARealDatabaseAndReportsItThroughOutputsSummaryAndReport() throws Exception {
        TestServer server = PostgresServers.get(15);
        String password = server.password() == null ? FAKE_PASSWORD : server.password();
        seedProduction(server, "action_e2e_prod");
        server.dropDatabase("action_e2e_twin");

        RunnerSimulation runner = new RunnerSimulation(dir);
        Map<String, String> with = new HashMap<>();
        with.put("production-url", url(server, password, "action_e2e_prod"));
        with.put("twin-url", url(server, password, "action_e2e_twin") + "?application_name=neon-twin-e2e");
        with.put("exclude-table-data", "public.audit_log");
        with.put("jobs", "2");
        with.put("report-file", "reports/twin.json");
        pgBin(15).ifPresent(bin -> with.put("pg-bin", bin));
        RunnerSimulation.Step step = runner.run(with);
        // Kept for people: what the step's log looks like (target/ is not committed).
        Files.writeString(Path.of(System.getProperty("neontwin.projectDir", "."), "target", "entrypoint-e2e.log"),
                step.stdout() + step.stderr() + "\n--- summary ---\n" + runner.summary());

        assertEquals(0, step.exitCode(), step.stdout() + step.stderr());
        Map<String, String> outputs = runner.outputs();
        assertEquals("succeeded", outputs.get("status"));
        assertEquals("3", outputs.get("tables"));
        assertEquals("4000", outputs.get("rows"));
        assertTrue(Long.parseLong(outputs.get("bytes")) > 0);
        assertTrue(outputs.get("production-version").startsWith("15."), outputs.toString());
        assertTrue(outputs.get("twin-version").startsWith("15."), outputs.toString());
        assertTrue(outputs.get("client-version").startsWith("15"), outputs.toString());
        assertTrue(Double.parseDouble(outputs.get("duration-seconds")) > 0);
        assertEquals("reports/twin.json", outputs.get("report-path"));

        assertEquals(3000, server.queryLong("action_e2e_twin", "SELECT count(*) FROM public.orders"));
        assertEquals(1000, server.queryLong("action_e2e_twin", "SELECT count(*) FROM public.customers"));
        assertEquals(0, server.queryLong("action_e2e_twin", "SELECT count(*) FROM public.audit_log"));

        String summary = runner.summary();
        assertTrue(summary.startsWith("## ✅ Neon twin refreshed"), summary);
        assertTrue(summary.contains("`public.orders`"), summary);
        assertTrue(summary.getBytes(StandardCharsets.UTF_8).length < 1024 * 1024);
        var report = ReportJson.mapper().readTree(runner.workspace.resolve("reports/twin.json").toFile());
        assertEquals("succeeded", report.get("outcome").asText());
        assertTrue(step.lines().contains("::group::Phase: data") || step.lines().stream().anyMatch(l -> l.startsWith("::group::Phase:")),
                step.stdout());

        assertNoSecretOutsideMasks(step, password);
        String files = Files.readString(runner.outputFile) + summary + Files.readString(runner.workspace.resolve("reports/twin.json"));
        assertFalse(files.contains(password), "password in outputs, summary or report");
        assertFalse(files.contains(URLEncoder.encode(password, StandardCharsets.UTF_8)), "encoded password in outputs, summary or report");
    }

    @Test
    void twinsAcrossMajorVersionsWithTheNewerClient() throws Exception {
        java.util.Optional<String> client17 = pgBin(17);
        org.junit.jupiter.api.Assumptions.assumeTrue(client17.isPresent(),
                "needs pg_dump 17: .ci/install-pg17-client.sh /opt/neon-twin-test/pg17 installs it");
        TestServer production = PostgresServers.get(15);
        TestServer twin = PostgresServers.get(17, "twin");
        seedProduction(production, "action_x_prod");
        twin.dropDatabase("action_x_twin");

        RunnerSimulation runner = new RunnerSimulation(dir);
        String password = production.password() == null ? FAKE_PASSWORD : production.password();
        String twinPassword = twin.password() == null ? FAKE_PASSWORD : twin.password();
        RunnerSimulation.Step step = runner.run(Map.of(
                "production-url", url(production, password, "action_x_prod"),
                "twin-url", url(twin, twinPassword, "action_x_twin"),
                "pg-bin", client17.get()));

        assertEquals(0, step.exitCode(), step.stdout() + step.stderr());
        Map<String, String> outputs = runner.outputs();
        assertEquals("succeeded", outputs.get("status"));
        assertEquals("6000", outputs.get("rows"));
        assertTrue(outputs.get("production-version").startsWith("15."), outputs.toString());
        assertTrue(outputs.get("twin-version").startsWith("17."), outputs.toString());
        assertTrue(outputs.get("client-version").startsWith("17"), outputs.toString());
        assertEquals(2000, twin.queryLong("action_x_twin", "SELECT count(*) FROM public.audit_log"));
        assertNoSecretOutsideMasks(step, password);
    }

    static void seedProduction(TestServer server, String database) {
        server.createDatabase(database);
        server.execute(database,
                "CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers, total numeric(10,2), placed_at timestamptz DEFAULT now())",
                "CREATE INDEX orders_customer ON orders (customer_id)",
                "CREATE TABLE audit_log (id bigserial PRIMARY KEY, entry text)",
                "INSERT INTO customers SELECT g, 'customer ' || g FROM generate_series(1, 1000) g",
                "INSERT INTO orders SELECT g, 1 + g % 1000, g * 1.5 FROM generate_series(1, 3000) g",
                "INSERT INTO audit_log (entry) SELECT 'entry ' || g FROM generate_series(1, 2000) g",
                "ANALYZE");
    }

    static String url(TestServer server, String password, String database) {
        return "postgresql://" + server.user() + ":" + URLEncoder.encode(password, StandardCharsets.UTF_8) + "@" + server.host() + ":"
                + server.port() + "/" + database;
    }

    static java.util.Optional<String> pgBin(int major) {
        for (String candidate : List.of("/usr/lib/postgresql/" + major + "/bin", "/opt/neon-twin-test/pg" + major + "/bin")) {
            if (Files.isExecutable(Path.of(candidate, "pg_dump"))) {
                return java.util.Optional.of(candidate);
            }
        }
        return java.util.Optional.empty();
    }

    /** The password may appear only inside ::add-mask:: lines, where the runner learns what to hide. */
    static void assertNoSecretOutsideMasks(RunnerSimulation.Step step, String secret) {
        String encoded = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        for (String line : step.lines()) {
            if (!line.startsWith("::add-mask::")) {
                assertFalse(line.contains(secret) || line.contains(encoded), "secret printed: " + line);
            }
        }
        assertFalse(step.stderr().contains(secret) || step.stderr().contains(encoded), "secret on stderr: " + step.stderr());
    }
}
