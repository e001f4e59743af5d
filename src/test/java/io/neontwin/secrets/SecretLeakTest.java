package io.neontwin.secrets;

import io.neontwin.action.ActionEnvironment;
import io.neontwin.action.ActionRunner;
import io.neontwin.cli.NeonTwin;
import io.neontwin.errors.ExitCode;
import io.neontwin.face.OptionTable;
import io.neontwin.testing.PasswordServer;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A large, seeded, reproducible set of connection strings and migrations, malformed and valid, each carrying a known
 * password, run through every face: the CLI (stdout and stderr, with and without --debug), the action (log, outputs,
 * job summary, annotations), the JSON report, and Slack and webhook payloads. Every output is searched for the
 * password raw, percent-decoded and base64-encoded. Most inputs fail before connecting; the valid ones reach a real
 * server that rejects the password, so the connection error paths are covered too.
 */
class SecretLeakTest {
    private static final long SEED = 0x5EC2E75L;
    private static final int CASES = 120;
    private static final String SPECIALS = "@/?#%:&=' !~+$\\";
    private static final String[] SCHEMES = {"postgresql://", "postgres://", "postgress://", "http://", "POSTGRESQL://",
            "postgresql+psycopg2://", "postgresql:/", "", "jdbc:postgresql://", "postgresql://"};

    private static final List<String> webhookBodies = new CopyOnWriteArrayList<>();
    private static MockWebServer webhooks;
    private static TestServer passwordServer;

    @TempDir
    Path dir;

    /** One generated input: how it was made (to reproduce a failure), the connection string, the password in it. */
    record Case(String description, String url, String password) {
    }

    @BeforeAll
    static void servers() throws IOException {
        passwordServer = PasswordServer.get();
        webhooks = new MockWebServer();
        webhooks.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                webhookBodies.add(request.getPath() + "\n" + request.getHeaders() + "\n" + request.getBody().readUtf8());
                return new MockResponse().setResponseCode(200).setBody("ok");
            }
        });
        webhooks.start();
    }

    @AfterAll
    static void stopWebhooks() throws IOException {
        webhooks.shutdown();
    }

    @AfterEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    static List<Case> generatedCases() {
        Random random = new Random(SEED);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String password = password(random);
            int form = random.nextInt(5);
            String scheme = SCHEMES[random.nextInt(SCHEMES.length)];
            boolean valid = random.nextInt(4) == 0;
            String host = valid ? "127.0.0.1:" + passwordServer.port()
                    : pick(random, "db.example.invalid", "", "db.example.invalid:54x2", "db.example.invalid:70000", "[::1", "127.0.0.1:" + passwordServer.port());
            String database = valid ? "app" : pick(random, "app", "", "shop%zz", "shop#1");
            String query = valid ? "" : pick(random, "", "?sslmod=require", "?sslmode", "?sslmode=disable&x");
            String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
            String user = PasswordServer.ROLE;
            String url = switch (form) {
                case 0 -> scheme + user + ":" + encoded + "@" + host + "/" + database + query;
                case 1 -> scheme + user + ":" + password + "@" + host + "/" + database + query;
                case 2 -> scheme + host + "/" + database + "?user=" + user + "&password=" + encoded + query.replace('?', '&');
                case 3 -> "host=" + hostOnly(host) + " port=" + portOnly(host) + " dbname=" + database + " user=" + user
                        + " password='" + password.replace("\\", "\\\\").replace("'", "\\'") + "'" + query.replace('?', ' ');
                default -> "host=" + hostOnly(host) + " port=" + portOnly(host) + " dbname=" + database + " password=" + password.replace("\\", "\\\\")
                        .replace(" ", "\\ ").replace("'", "\\'") + " user=" + user + query.replace('?', ' ');
            };
            if (valid && form <= 2) {
                url = "postgresql://" + url.substring(url.indexOf(scheme) + scheme.length());
            }
            cases.add(new Case("case " + i + " (seed " + SEED + ", form " + form + ", scheme '" + scheme + "')", url, password));
        }
        return cases;
    }

    private static String password(Random random) {
        String letters = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder("Pw");
        for (int i = 0; i < 14; i++) {
            password.append(i % 5 == 4 ? SPECIALS.charAt(random.nextInt(SPECIALS.length())) : letters.charAt(random.nextInt(letters.length())));
        }
        return password.toString();
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String hostOnly(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        return colon > 0 && !hostPort.startsWith("[") ? hostPort.substring(0, colon) : hostPort.isEmpty() ? "''" : hostPort;
    }

    private static String portOnly(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        // Never the default port: nothing listens there, and a refused connection is retried for 30 s.
        return colon > 0 && !hostPort.startsWith("[") ? hostPort.substring(colon + 1) : String.valueOf(passwordServer.port());
    }

    /** The twin's URL carries a password of its own, which must not show either. */
    private static String twinUrl(String twinPassword) {
        return "postgresql://" + PasswordServer.ROLE + ":" + URLEncoder.encode(twinPassword, StandardCharsets.UTF_8)
                + "@127.0.0.1:" + passwordServer.port() + "/app_twin";
    }

    @Test
    void noGeneratedConnectionStringShowsItsPasswordOnAnyFace() throws IOException {
        String twinPassword = "Tw1n-Secret/Pw@x";
        String slack = webhooks.url("/slack").toString();
        String webhook = webhooks.url("/hook").toString();
        for (Case input : generatedCases()) {
            for (boolean debug : new boolean[] {false, true}) {
                Path report = dir.resolve("cli-report.json");
                Files.deleteIfExists(report);
                List<String> args = new ArrayList<>(List.of("twin", "--production-url", input.url(), "--twin-url", twinUrl(twinPassword),
                        "--slack-webhook-url", slack, "--webhook-url", webhook, "--notify", "always", "--report", report.toString()));
                if (debug) {
                    args.add(1, "--debug");
                }
                Map<String, String> outputs = new LinkedHashMap<>();
                int exit = captured(outputs, () -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = NeonTwin.execute(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
                    outputs.put("CLI stdout", out.toString());
                    outputs.put("CLI stderr", err.toString());
                    return code;
                });
                outputs.put("CLI report", read(report));
                assertNoSecret(input, "CLI" + (debug ? " --debug" : ""), exit, outputs, input.password(), twinPassword);
                Secrets.clearForTests();
            }
            assertNoSecret(input, "action", runAction(input.url(), twinUrl(twinPassword), slack, webhook),
                    actionOutputs(), input.password(), twinPassword);
            Secrets.clearForTests();
        }
    }

    private Map<String, String> lastActionOutputs;

    private int runAction(String productionUrl, String twinUrl, String slack, String webhook) throws IOException {
        return runAction(productionUrl, twinUrl, slack, webhook, Map.of());
    }

    private int runAction(String productionUrl, String twinUrl, String slack, String webhook, Map<String, String> extra) throws IOException {
        Path workspace = Files.createDirectories(dir.resolve("workspace"));
        Files.deleteIfExists(workspace.resolve("neon-twin-report.json"));
        Map<String, String> env = new HashMap<>();
        for (OptionTable input : OptionTable.actionInputs()) {
            env.put(input.runnerVariable(), input.defaultValue() == null ? "" : input.defaultValue());
        }
        Path output = dir.resolve("github-output");
        Path summary = dir.resolve("step-summary");
        Files.deleteIfExists(output);
        Files.deleteIfExists(summary);
        env.put("GITHUB_OUTPUT", output.toString());
        env.put("GITHUB_STEP_SUMMARY", summary.toString());
        env.put("GITHUB_WORKSPACE", workspace.toString());
        env.put("RUNNER_DEBUG", "1");
        env.put("INPUT_PRODUCTION-URL", productionUrl);
        env.put("INPUT_TWIN-URL", twinUrl);
        env.put("INPUT_SLACK-WEBHOOK-URL", slack);
        env.put("INPUT_WEBHOOK-URL", webhook);
        env.put("INPUT_NOTIFY", "always");
        env.putAll(extra);
        Map<String, String> outputs = new LinkedHashMap<>();
        int exit = captured(outputs, () -> {
            StringWriter log = new StringWriter();
            int code = new ActionRunner(new ActionEnvironment(env), new PrintWriter(log, true), ActionRunner.REAL_ENGINE,
                    ActionRunner.REAL_REVERSE_ENGINE).run();
            // ::add-mask:: lines are how the runner learns what to mask: they carry the secrets on purpose.
            outputs.put("action log", String.join("\n", log.toString().lines().filter(line -> !line.startsWith("::add-mask::")).toList()));
            return code;
        });
        outputs.put("GITHUB_OUTPUT", read(output));
        outputs.put("job summary", read(summary));
        outputs.put("action report", read(workspace.resolve("neon-twin-report.json")));
        lastActionOutputs = outputs;
        return exit;
    }

    private Map<String, String> actionOutputs() {
        return lastActionOutputs;
    }

    /** Runs with System.out and System.err captured too, and the webhook payloads the run sent. */
    private static int captured(Map<String, String> outputs, Supplier<Integer> run) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream direct = new ByteArrayOutputStream();
        webhookBodies.clear();
        try (PrintStream capture = new PrintStream(direct, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            return run.get();
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            outputs.put("System.out and System.err", direct.toString(StandardCharsets.UTF_8));
            outputs.put("Slack and webhook payloads", String.join("\n", webhookBodies));
        }
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static void assertNoSecret(Case input, String face, int exit, Map<String, String> outputs, String... passwords) {
        assertNotEquals(ExitCode.OK.code(), exit, input + " on " + face);
        assertNotEquals(ExitCode.INTERNAL.code(), exit, () -> input + " on " + face + " ended as an internal error: " + outputs);
        for (Map.Entry<String, String> output : outputs.entrySet()) {
            for (String password : passwords) {
                for (String form : forms(output.getValue())) {
                    assertTrue(passwordForms(password).stream().noneMatch(form::contains), () -> face + ": " + output.getKey()
                            + " shows the password of " + input + " (" + password + "):\n" + output.getValue());
                }
            }
        }
    }

    /** The text as written, and percent-decoded (leniently: a stray '%' stays). */
    private static List<String> forms(String text) {
        StringBuilder decoded = new StringBuilder();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '%' && i + 2 < bytes.length && Character.digit(bytes[i + 1], 16) >= 0 && Character.digit(bytes[i + 2], 16) >= 0) {
                out.write(Character.digit(bytes[i + 1], 16) * 16 + Character.digit(bytes[i + 2], 16));
                i += 2;
            } else {
                out.write(bytes[i]);
            }
        }
        decoded.append(out.toString(StandardCharsets.UTF_8));
        return List.of(text, decoded.toString());
    }

    /**
     * What a password looks like in output: raw, and base64-encoded at each of the three alignments it can start at
     * in a longer encoded text (the characters that depend on its neighbours dropped).
     */
    static List<String> passwordForms(String password) {
        List<String> forms = new ArrayList<>(List.of(password));
        for (int shift = 0; shift < 3; shift++) {
            String encoded = Base64.getEncoder().withoutPadding().encodeToString(("x".repeat(shift) + password).getBytes(StandardCharsets.UTF_8));
            int skip = shift == 0 ? 0 : shift + 1;
            forms.add(encoded.substring(skip, encoded.length() - 2));
        }
        return forms;
    }
    /** A password in a migration, quoted every way PostgreSQL allows and nested in dynamic SQL. */
    static List<String> generatedMigrations(Random random, String password) {
        String doubled = password.replace("'", "''");
        String tag = "$pw" + random.nextInt(100) + "$";
        return List.of(
                "ALTER ROLE no_such_role_leak LOGIN PASSWORD '" + doubled + "';",
                "ALTER ROLE no_such_role_leak PASSWORD $$" + password + "$$;",
                "ALTER ROLE no_such_role_leak PASSWORD " + tag + password + tag + ";",
                "ALTER ROLE no_such_role_leak PASSWORD E'" + doubled.replace("\\", "\\\\") + "';",
                "ALTER ROLE no_such_role_leak PASSWORD U&'" + doubled.replace("\\", "\\\\") + "';",
                "DO $$ BEGIN EXECUTE 'ALTER ROLE no_such_role_leak PASSWORD ''" + doubled.replace("'", "''") + "'''; END $$;",
                "DO $do$ BEGIN EXECUTE format('ALTER ROLE no_such_role_leak PASSWORD %L', '" + doubled + "'); END $do$;");
    }

    @Test
    void noGeneratedMigrationShowsThePasswordItSetsOnAnyFace() throws IOException {
        Random random = new Random(SEED);
        TestServer server = PostgresServers.get(15);
        String slack = webhooks.url("/slack").toString();
        int n = 0;
        for (int round = 0; round < 2; round++) {
            String password = password(random).replace("$", "");
            for (String migration : generatedMigrations(random, password)) {
                n++;
                String production = "leak_prod_" + n;
                String twin = "leak_twin_" + n;
                server.dropDatabase(production);
                server.dropDatabase(twin);
                server.createDatabase(production);
                server.createDatabase(twin);
                Case input = new Case("migration " + n + " (seed " + SEED + "): " + migration, server.url(production), password);
                Path workspace = Files.createDirectories(dir.resolve("workspace"));
                Path folder = Files.createDirectories(workspace.resolve("migrations"));
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : old.toList()) {
                        Files.delete(file);
                    }
                }
                Files.writeString(folder.resolve("V1__roles.sql"), "-- sets a password\n" + migration + "\n");
                Path report = dir.resolve("cli-report.json");
                Files.deleteIfExists(report);
                Map<String, String> outputs = new LinkedHashMap<>();
                int exit = captured(outputs, () -> {
                    StringWriter out = new StringWriter();
                    StringWriter err = new StringWriter();
                    int code = NeonTwin.execute(new PrintWriter(out, true), new PrintWriter(err, true), "reverse-twin", "--debug",
                            "--production-url", server.url(production), "--twin-url", server.url(twin), "--migrations", folder.toString(),
                            "--force", "--slack-webhook-url", slack, "--notify", "always", "--report", report.toString());
                    outputs.put("CLI stdout", out.toString());
                    outputs.put("CLI stderr", err.toString());
                    return code;
                });
                outputs.put("CLI report", read(report));
                assertTrue(outputs.get("CLI report").contains("no_such_role_leak"), () -> input + ": the failing statement is in the report " + outputs);
                assertNoSecret(input, "CLI reverse-twin", exit, outputs, password);
                Secrets.clearForTests();

                assertNoSecret(input, "action reverse-twin", runReverseAction(server.url(production), server.url(twin), slack),
                        actionOutputs(), password);
                Secrets.clearForTests();
            }
        }
    }

    private int runReverseAction(String productionUrl, String twinUrl, String slack) throws IOException {
        Map<String, String> extra = Map.of("INPUT_DIRECTION", "reverse-twin", "INPUT_MIGRATIONS-PATH", "migrations", "INPUT_FORCE", "true");
        return runAction(productionUrl, twinUrl, slack, webhooks.url("/hook").toString(), extra);
    }
}
