package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PasswordServer;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A password can come from where libpq looks for one (PGPASSWORD, PGPASSFILE, ~/.pgpass) instead of the URL: the
 * tool's own connections and the pg_dump it starts both find it, and a password found nowhere ends in exit 5 rather
 * than a pg_dump waiting forever on a password prompt.
 */
class LibpqEnvironmentTest {
    private static final String PRODUCTION_DATABASE = "libpq_env_prod";
    private static TestServer passwordServer;

    @TempDir
    Path home;

    @BeforeAll
    static void productionWithATable() {
        passwordServer = PasswordServer.get();
        passwordServer.dropDatabase(PRODUCTION_DATABASE);
        passwordServer.createDatabase(PRODUCTION_DATABASE);
        passwordServer.execute("postgres", "ALTER DATABASE " + PRODUCTION_DATABASE + " OWNER TO " + PasswordServer.ROLE);
        new TestServer(15, passwordServer.host(), passwordServer.port(), PasswordServer.ROLE, PasswordServer.PASSWORD)
                .execute(PRODUCTION_DATABASE, "CREATE TABLE customers (id int PRIMARY KEY, name text)",
                        "INSERT INTO customers VALUES (1, 'Ada'), (2, 'Grace')");
    }

    /** Production's URL without a password: it has to come from libpq's environment. */
    private static String productionUrlWithoutPassword() {
        return "postgresql://" + PasswordServer.ROLE + "@127.0.0.1:" + passwordServer.port() + "/" + PRODUCTION_DATABASE;
    }

    private static String twinUrl(String twinDatabase) {
        TestServer twinServer = PostgresServers.get(15, "twin");
        twinServer.dropDatabase(twinDatabase);
        return twinServer.url(twinDatabase);
    }

    private Path passfile(Path file) throws IOException {
        Files.writeString(file, "127.0.0.1:" + passwordServer.port() + ":*:" + PasswordServer.ROLE + ":" + PasswordServer.PASSWORD + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private CliProcess.Result twin(Map<String, String> environment, String twinDatabase) {
        Map<String, String> withHome = new java.util.HashMap<>(environment);
        withHome.put("HOME", home.toString());
        return CliProcess.run(withHome, "twin", "--production-url", productionUrlWithoutPassword(), "--twin-url", twinUrl(twinDatabase));
    }

    private static void assertTwinMadeWithoutPrintingThePassword(CliProcess.Result result) {
        assertEquals(ExitCode.OK.code(), result.exitCode(), result.toString());
        assertFalse((result.stdout() + result.stderr()).contains(PasswordServer.PASSWORD), result.toString());
    }

    @Test
    void pgpassfileGivesThePasswordToTheToolAndToPgDump() throws IOException {
        Path file = passfile(home.resolve("custom.pgpass"));

        assertTwinMadeWithoutPrintingThePassword(twin(Map.of("PGPASSFILE", file.toString()), "libpq_env_twin_passfile"));
    }

    @Test
    void pgpassInTheHomeFolderGivesThePassword() throws IOException {
        passfile(home.resolve(".pgpass"));

        assertTwinMadeWithoutPrintingThePassword(twin(Map.of(), "libpq_env_twin_home"));
    }

    @Test
    void pgpasswordGivesThePassword() {
        assertTwinMadeWithoutPrintingThePassword(twin(Map.of("PGPASSWORD", PasswordServer.PASSWORD), "libpq_env_twin_pgpassword"));
    }

    @Test
    void aPasswordFoundNowhereEndsInExit5() {
        CliProcess.Result result = twin(Map.of(), "libpq_env_twin_none");

        assertEquals(ExitCode.AUTHENTICATION.code(), result.exitCode(), result.toString());
    }
}
