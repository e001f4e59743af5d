package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every mistake a user can make with {@code neon-twin reverse-twin} before it connects anywhere, run as the real jar:
 * exactly one {@code error:} line naming the option and the fix, the exit code of that cause, no stack trace and
 * no password.
 */
class ReverseTwinCommandErrorsTest {
    private static final String PASSWORD = "S3cr3t-P@ss";
    private static final String PRODUCTION = "postgresql://app:S3cr3t-P%40ss@db.example.com:5432/shop";
    private static final String TWIN = "postgresql://app:S3cr3t-P%40ss@twin.example.com:5432/shop_twin";

    @TempDir
    static Path dir;
    static Path migrations;

    @BeforeAll
    static void folder() throws IOException {
        migrations = Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(migrations.resolve("V1__create_orders.sql"), "CREATE TABLE orders (id int PRIMARY KEY);\n");
    }

    private static String assertOneSentence(CliProcess.Result result, ExitCode expected) {
        List<String> errorLines = result.stderrLines().stream().filter(line -> line.startsWith("error:")).toList();
        String everything = result.stdout() + result.stderr();
        assertAll(result.toString(),
                () -> assertEquals(expected.code(), result.exitCode(), "exit code"),
                () -> assertEquals(1, errorLines.size(), "error: lines"),
                () -> assertFalse(everything.contains("Exception"), "no exception names"),
                () -> assertFalse(everything.contains("\tat "), "no stack trace lines"),
                () -> assertFalse(everything.contains("S3cr3t"), "no piece of the password " + PASSWORD));
        String line = errorLines.get(0);
        assertTrue(line.endsWith("."), "one full sentence: " + line);
        return line;
    }

    private static CliProcess.Result run(String... extra) {
        List<String> args = new ArrayList<>(List.of("reverse-twin", "--production-url", PRODUCTION, "--twin-url", TWIN,
                "--migrations", migrations.toString()));
        args.addAll(List.of(extra));
        return CliProcess.run(args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            --lock-timeout|      5 minutes| error: --lock-timeout is '5 minutes'; use a duration such as 500ms, 5s, 2min or 1h (a bare number is milliseconds).
            --lock-timeout|      0|         error: --lock-timeout is '0'; use a positive duration such as 5s (zero would mean no limit at all on production).
            --statement-timeout| -1s|       error: --statement-timeout is '-1s'; use a duration such as 500ms, 5s, 2min or 1h (a bare number is milliseconds).
            --lock-retries|      11|        error: --lock-retries is 11; use a number from 0 to 10.
            --lock-retries|      -1|        error: --lock-retries is -1; use a number from 0 to 10.
            --baseline-version|  v5|        error: --baseline-version is 'v5'; use a migration version as file names carry it, e.g. 12 for V12__add_index.sql.
            """)
    void aBadValueEndsInOneSentenceWithExitCode3(String option, String value, String expected) {
        String line = assertOneSentence(run(option, value), ExitCode.INVALID_INPUT);
        assertEquals(expected, line);
    }

    @Test
    void nonNumericLockRetriesEndsInOneSentenceWithExitCode3() {
        String line = assertOneSentence(run("--lock-retries", "many"), ExitCode.INVALID_INPUT);
        assertTrue(line.contains("--lock-retries") && line.contains("'many'") && line.contains("neon-twin reverse-twin --help"), line);
    }

    @Test
    void missingMigrationsEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("reverse-twin", "--production-url", PRODUCTION, "--twin-url", TWIN);
        assertEquals("error: --migrations is missing; pass the folder of V<version>__<description>.sql files (or set NEON_TWIN_MIGRATIONS).",
                assertOneSentence(result, ExitCode.INVALID_INPUT));
    }

    @Test
    void urlsAndTheFolderComeFromTheEnvironment() {
        Path absent = dir.resolve("no-such-folder");
        CliProcess.Result result = CliProcess.run(Map.of("NEON_TWIN_PRODUCTION_URL", PRODUCTION, "NEON_TWIN_TWIN_URL", TWIN,
                "NEON_TWIN_MIGRATIONS", absent.toString()), "reverse-twin");

        String line = assertOneSentence(result, ExitCode.MIGRATIONS_INVALID);
        assertTrue(line.startsWith("error: --migrations is '" + absent + "', which does not exist;"), line);
    }

    @Test
    void missingProductionUrlEndsInOneSentenceWithExitCode3() {
        CliProcess.Result result = CliProcess.run("reverse-twin", "--twin-url", TWIN, "--migrations", migrations.toString());
        assertEquals("error: --production-url is missing; pass production's connection string (or set NEON_TWIN_PRODUCTION_URL).",
                assertOneSentence(result, ExitCode.INVALID_INPUT));
    }

    @Test
    void twinUrlEqualToProductionEndsInOneSentenceWithExitCode9() {
        CliProcess.Result result = CliProcess.run("reverse-twin", "--production-url", PRODUCTION, "--twin-url", PRODUCTION,
                "--migrations", migrations.toString());
        String line = assertOneSentence(result, ExitCode.SAFETY);
        assertTrue(line.contains("twin-url points at production's own database"), line);
    }

    @Test
    void anOptionOfTheTwinCommandEndsInOneSentenceWithExitCode2() {
        String line = assertOneSentence(run("--jobs", "4"), ExitCode.USAGE);
        assertTrue(line.contains("'--jobs'") && line.contains("run 'neon-twin reverse-twin --help' for the options"), line);
    }
}
