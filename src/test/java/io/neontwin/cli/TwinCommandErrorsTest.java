package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PasswordServer;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mistake a user can make with {@code neon-twin twin}, run as the real jar: it ends in exactly one
 * {@code error:} line (one sentence naming the input and the fix), the exit code of that cause, no stack trace
 * unless --debug, and the password nowhere in what was printed.
 */
class TwinCommandErrorsTest {
    /** In every URL below; decodes to {@link #PASSWORD}. */
    private static final String PASSWORD_IN_URL = "S3cr3t-P%40ss";
    private static final String PASSWORD = "S3cr3t-P@ss";

    private static String url(String user, String hostPort, String database) {
        return "postgresql://" + user + ":" + PASSWORD_IN_URL + "@" + hostPort + "/" + database;
    }

    private static String url(TestServer server, String database) {
        return url(server.user(), "127.0.0.1:" + server.port(), database);
    }

    /** The error line, once the shared promises hold: exit code, one error line, no stack trace, no password. */
    private static String assertOneSentence(CliProcess.Result result, ExitCode expected) {
        List<String> errorLines = result.stderrLines().stream().filter(line -> line.startsWith("error:")).toList();
        String everything = result.stdout() + result.stderr();
        assertAll(result.toString(),
                () -> assertEquals(expected.code(), result.exitCode(), "exit code"),
                () -> assertEquals(1, errorLines.size(), "error: lines"),
                () -> assertFalse(everything.contains("Exception"), "no exception names"),
                () -> assertFalse(everything.contains("\tat ") || everything.contains(" at io.") || everything.contains("at org."),
                        "no stack trace lines"),
                () -> assertFalse(everything.contains(PASSWORD), "no password"),
                () -> assertFalse(everything.contains(PASSWORD_IN_URL), "no encoded password"),
                () -> assertFalse(everything.contains("S3cr3t"), "no piece of the password"));
        String line = errorLines.get(0);
        assertTrue(line.endsWith("."), "one full sentence: " + line);
        return line;
    }

    private static void assertContains(String line, String... parts) {
        for (String part : parts) {
            assertTrue(line.contains(part), "'" + part + "' in: " + line);
        }
    }

    @Test
    void malformedUrlEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", "postgresql://app:" + PASSWORD_IN_URL + "@/shop",
                "--twin-url", url("app", "twin.example.com", "shop"));

        String line = assertOneSentence(result, ExitCode.INVALID_INPUT);
        assertContains(line, "--production-url is not a valid PostgreSQL connection string", "it names no host",
                "postgresql://USER:PASSWORD@HOST:PORT/DATABASE");
    }

    @Test
    void passwordWithAnUnencodedSlashEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", "postgresql://app:S3cr3t/P@db.example.com:5432/shop",
                "--twin-url", url("app", "twin.example.com", "shop"));

        String line = assertOneSentence(result, ExitCode.INVALID_INPUT);
        assertContains(line, "--production-url", "write '/' as %2F");
    }

    @Test
    void missingProductionUrlEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("twin", "--twin-url", url("app", "twin.example.com", "shop"));

        String line = assertOneSentence(result, ExitCode.INVALID_INPUT);
        assertEquals("error: --production-url is missing; pass production's connection string (or set NEON_TWIN_PRODUCTION_URL).", line);
    }

    @Test
    void unsupportedVerifyValueEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", url("app", "db.example.com", "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"), "--verify", "maybe");

        String line = assertOneSentence(result, ExitCode.INVALID_INPUT);
        assertEquals("error: --verify is 'maybe'; use counts, checksums or none.", line);
    }

    @Test
    void nonNumericJobsEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", url("app", "db.example.com", "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"), "--jobs", "many");

        String line = assertOneSentence(result, ExitCode.INVALID_INPUT);
        assertContains(line, "--jobs", "'many'", "neon-twin twin --help");
    }

    @Test
    void unknownOptionEndsInOneSentenceWithExitCode2() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", url("app", "db.example.com", "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"), "--parallel", "4");

        String line = assertOneSentence(result, ExitCode.USAGE);
        assertContains(line, "'--parallel'", "run 'neon-twin twin --help' for the options");
    }

    @Test
    void aMisspeltOptionDoesNotEchoTheUrlAfterIt() {
        // picocli quotes the unmatched arguments, the URL among them: its password must be masked before that.
        CliProcess.Result result = CliProcess.run("twin", "--debug", "--prodution-url", url("app", "db.example.com", "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"));

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
        assertFalse((result.stdout() + result.stderr()).contains("S3cr3t"), result.toString());
    }

    @Test
    void aMisspeltWebhookOptionDoesNotEchoTheWebhookUrl() {
        CliProcess.Result result = CliProcess.run("twin", "--slack-webhok-url", "https://hooks.slack.com/services/T1/B1/xyzSECRETtoken",
                "--production-url", url("app", "db.example.com", "shop"), "--twin-url", url("app", "twin.example.com", "shop"));

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.toString());
        assertFalse((result.stdout() + result.stderr()).contains("xyzSECRETtoken"), result.toString());
    }

    @Test
    void aUrlWithAnotherSchemeNamesTheSchemeWithoutThePasswordAlsoWithDebug() {
        CliProcess.Result result = CliProcess.run("twin", "--debug", "--production-url", "postgress://app:S3cr3t-P@ss@db.example.com/shop",
                "--twin-url", url("app", "twin.example.com", "shop"));

        assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode(), result.toString());
        assertTrue(result.stderr().contains("unknown scheme 'postgress'; use postgresql://"), result.toString());
        assertFalse((result.stdout() + result.stderr()).contains("S3cr3t"), result.toString());
    }

    @Test
    void unknownHostEndsInOneSentenceWithExitCode4() {
        CliProcess.Result result = CliProcess.run("twin", "--production-url", url("app", "no-such-host.invalid", "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"));

        String line = assertOneSentence(result, ExitCode.CONNECTION);
        assertEquals("error: --production-url: the host 'no-such-host.invalid' is unknown; check the host name in --production-url.", line);
    }

    @Test
    void refusedPortEndsInOneSentenceWithExitCode4AfterRetrying() throws IOException {
        // The one slow test: a refused port may be a server that is starting, so the real jar waits its 30 s of backoff.
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        CliProcess.Result result = CliProcess.run("twin", "--production-url", url("app", "127.0.0.1:" + port, "shop"),
                "--twin-url", url("app", "twin.example.com", "shop"));

        String line = assertOneSentence(result, ExitCode.CONNECTION);
        assertContains(line, "--production-url: nothing accepted a connection at 127.0.0.1:" + port,
                "check the host and port in --production-url", "gave up after 6 attempts");
        List<String> retries = result.stdout().lines().filter(printed -> printed.contains("127.0.0.1:" + port + "/shop: connection refused; retry")).toList();
        assertEquals(5, retries.size(), "each retry is printed with its reason and the time left, not 30 s of silence: " + result);
        assertContains(retries.get(0), "retry 1 of 5 in 1 s (gives up in 30 s)");
    }

    @Test
    void wrongPasswordEndsInOneSentenceWithExitCode5() {
        TestServer server = PasswordServer.get();

        CliProcess.Result result = CliProcess.run("twin",
                "--production-url", url(PasswordServer.ROLE, "127.0.0.1:" + server.port(), "app"),
                "--twin-url", url(PasswordServer.ROLE, "127.0.0.1:" + server.port(), "app_twin"));

        String line = assertOneSentence(result, ExitCode.AUTHENTICATION);
        assertEquals("error: --production-url: the server rejected the password for user '" + PasswordServer.ROLE
                + "'; fix the password in --production-url (percent-encode special characters).", line);
    }

    @Test
    void wrongPasswordFromTheEnvironmentEndsTheSameWay() {
        TestServer server = PasswordServer.get();

        CliProcess.Result result = CliProcess.run(Map.of(
                        "NEON_TWIN_PRODUCTION_URL", url(PasswordServer.ROLE, "127.0.0.1:" + server.port(), "app"),
                        "NEON_TWIN_TWIN_URL", url(PasswordServer.ROLE, "127.0.0.1:" + server.port(), "app_twin")),
                "twin");

        String line = assertOneSentence(result, ExitCode.AUTHENTICATION);
        assertContains(line, "fix the password in --production-url");
    }

    @Test
    void missingProductionDatabaseEndsInOneSentenceWithExitCode6() {
        TestServer server = PostgresServers.get(15);

        CliProcess.Result result = CliProcess.run("twin", "--production-url", url(server, "no_such_shop"),
                "--twin-url", url(server, "errors_twin"));

        String line = assertOneSentence(result, ExitCode.DATABASE_NOT_FOUND);
        assertEquals("error: --production-url: database 'no_such_shop' does not exist on 127.0.0.1:" + server.port()
                + "; fix the database name in --production-url.", line);
    }

    @Test
    void roleThatCannotReadATableEndsInOneSentenceWithExitCode7() {
        TestServer server = PostgresServers.get(15);
        server.createDatabase("errors_privilege");
        server.execute("errors_privilege",
                "DROP ROLE IF EXISTS errors_reader",
                "CREATE ROLE errors_reader LOGIN",
                "CREATE TABLE public.orders (id int PRIMARY KEY)",
                "CREATE TABLE public.payroll (id int PRIMARY KEY, salary numeric)",
                "GRANT USAGE ON SCHEMA public TO errors_reader",
                "GRANT SELECT ON public.orders TO errors_reader");
        server.dropDatabase("errors_privilege_twin");

        CliProcess.Result result = CliProcess.run("twin",
                "--production-url", url("errors_reader", "127.0.0.1:" + server.port(), "errors_privilege"),
                "--twin-url", url(server, "errors_privilege_twin"));

        String line = assertOneSentence(result, ExitCode.PRIVILEGE);
        assertContains(line, "payroll", "role 'errors_reader' may not read public.payroll", "grant it SELECT", "--exclude-table");
    }

    @Test
    void noClientForTheServersVersionEndsInOneSentenceWithExitCode8(@TempDir Path emptyPgBin, @TempDir Path emptyPath)
            throws IOException {
        TestServer server = PostgresServers.get(17);
        server.createDatabase("errors_client");
        server.dropDatabase("errors_client_twin");
        Files.createDirectories(emptyPgBin);

        // Only the Debian folders remain to search, and they hold PostgreSQL 15's client at most.
        CliProcess.Result result = CliProcess.run(Map.of("PATH", emptyPath.toString()), "twin",
                "--production-url", url(server, "errors_client"), "--twin-url", url(server, "errors_client_twin"),
                "--pg-bin", emptyPgBin.toString());

        String line = assertOneSentence(result, ExitCode.CLIENT_VERSION);
        assertContains(line, "PostgreSQL 17 or newer", "install postgresql-client-17", "--pg-bin");
        assertTrue(line.contains("found: none") || line.matches(".*found: 1[0-6][.0-9]* in .*"), line);
    }

    @Test
    void twinUrlEqualToProductionEndsInOneSentenceWithExitCode9() {
        String production = url("app", "db.example.com:5432", "shop");

        CliProcess.Result result = CliProcess.run("twin", "--production-url", production, "--twin-url", production);

        String line = assertOneSentence(result, ExitCode.SAFETY);
        assertContains(line, "twin-url points at production's own database (db.example.com:5432/shop)", "refusing to write",
                "set --twin-url to the Neon twin's database");
    }

    @Test
    void debugShowsTheStackTraceBehindTheSentenceButStillNoPassword() {
        TestServer server = PostgresServers.get(15);

        CliProcess.Result result = CliProcess.run("twin", "--debug", "--production-url", url(server, "no_such_shop"),
                "--twin-url", url(server, "errors_twin"));

        assertEquals(ExitCode.DATABASE_NOT_FOUND.code(), result.exitCode(), result.toString());
        assertEquals(1, result.stderrLines().stream().filter(line -> line.startsWith("error:")).count(), result.toString());
        assertTrue(result.stderr().contains("PSQLException"), result.toString());
        assertTrue(result.stderr().contains("\tat io.neontwin.connection.Connector.open"), result.toString());
        assertFalse((result.stdout() + result.stderr()).contains("S3cr3t"), result.toString());
    }
}
