package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.ReportJson;
import io.neontwin.report.TableReport;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules file on real PostgreSQL: a 'where' subset, data: false, masking in the COPY stream, strict mode (docs/privacy.md). */
class PrivacyTwinTest {
    static final String KEY = "test-masking-key-7f3a9c";
    static final String OTHER_KEY = "another-key-0b1d";
    static final String RULES = """
            tables:
              public.customer:
                where: "store_id = 1"
                columns:
                  email: {mask: email}
                  first_name: {mask: person_first_name}
                  last_name: {mask: person_last_name}
                  phone: {mask: phone}
                  activebool: keep
              public.staff:
                columns:
                  password: {mask: "null"}
                  username: {mask: hash}
              public.audit_log: {data: false}
            """;
    static final List<String> MASKED_COLUMNS = List.of("customer.email", "customer.first_name", "customer.last_name",
            "customer.phone", "staff.username", "staff.password");

    static TestServer production;
    static TestServer twin;

    @TempDir
    static Path folder;

    @BeforeAll
    static void load() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.dropDatabase("personal");
        production.createDatabase("personal");
        TwinFixtures.loadResource(production, "personal", "/schemas/personal-data.sql");
    }

    static Path rules(String name, String text) {
        try {
            return Files.writeString(folder.resolve(name), text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TwinResult twin(String twinDb, String rulesText, String key) {
        twin.dropDatabase(twinDb);
        return TwinFixtures.twin(TwinFixtures.options(production, "personal", twin, twinDb)
                .withPrivacy(new PrivacySettings(rules(twinDb + ".yaml", rulesText), MaskingKey.of(key))));
    }

    static Set<String> values(TestServer server, String database, String tableColumn) {
        String[] parts = tableColumn.split("\\.");
        Set<String> values = new HashSet<>();
        try (var connection = server.connect(database); var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT " + parts[1] + " FROM " + parts[0] + " WHERE " + parts[1] + " IS NOT NULL")) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    static String ordered(TestServer server, String database, String sql) {
        return server.queryString(database, sql);
    }

    @Test
    void masksInFlightKeepsTheSubsetAndNoProductionValueOfAMaskedColumnReachesTheTwin() {
        TwinResult result = twin("masked_a", RULES, KEY);
        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));

        assertEquals(production.queryLong("personal", "SELECT count(*) FROM customer WHERE store_id = 1"),
                twin.queryLong("masked_a", "SELECT count(*) FROM customer"), "the 'where' keeps store 1's customers only");
        assertEquals(0, twin.queryLong("masked_a", "SELECT count(*) FROM customer WHERE store_id <> 1"));
        assertEquals(0, twin.queryLong("masked_a", "SELECT count(*) FROM audit_log"), "data: false keeps the structure only");
        assertEquals(production.queryLong("personal", "SELECT count(*) FROM store"), twin.queryLong("masked_a", "SELECT count(*) FROM store"));
        for (String column : MASKED_COLUMNS) {
            Set<String> leaked = new HashSet<>(values(twin, "masked_a", column));
            leaked.retainAll(values(production, "personal", column));
            assertTrue(leaked.isEmpty(), () -> column + " leaked " + leaked);
        }
        String unmasked = "SELECT string_agg(concat_ws('|', id, store_id, activebool, note), ',' ORDER BY id) FROM customer WHERE store_id = 1";
        assertEquals(ordered(production, "personal", unmasked), ordered(twin, "masked_a", unmasked),
                "unmasked columns, tabs, newlines and backslashes included, arrive as they are");
        assertEquals(0, twin.queryLong("masked_a", "SELECT count(*) FROM staff WHERE password IS NOT NULL"));
        assertEquals(production.queryLong("personal", "SELECT count(*) FROM customer WHERE store_id = 1 AND email IS NULL"),
                twin.queryLong("masked_a", "SELECT count(*) FROM customer WHERE email IS NULL"), "NULL stays NULL");
        assertEquals(0, twin.queryLong("masked_a", "SELECT count(*) FROM customer WHERE email NOT LIKE 'user-%@example.com'"));
        assertEquals(production.queryString("personal", "SELECT string_agg(length(phone)::text || regexp_replace(phone, '[0-9]', '9', 'g'), ',' ORDER BY id) FROM customer WHERE store_id = 1"),
                twin.queryString("masked_a", "SELECT string_agg(length(phone)::text || regexp_replace(phone, '[0-9]', '9', 'g'), ',' ORDER BY id) FROM customer"),
                "phone keeps the length and the non-digits");

        TwinReport report = result.report();
        Map<String, String> formats = new java.util.HashMap<>();
        report.plan().copyStreams().forEach(stream -> formats.put(stream.table(), stream.format()));
        assertEquals("binary", formats.get("public.store"), "a table without masks keeps the fast path: " + formats);
        assertEquals("text", formats.get("public.customer"), "masked rows are rewritten in text COPY: " + formats);
        TableReport customer = table(report, "customer");
        assertTrue(customer.filtered());
        assertEquals(Map.of("email", "email", "first_name", "person_first_name", "last_name", "person_last_name", "phone", "phone"), customer.masks());
        assertFalse(table(report, "audit_log").dataCopied());
        String summary = io.neontwin.action.JobSummary.render(report, "r.json");
        assertTrue(summary.contains("| `public.customer` | " + customer.rows() + " (where) | email: email, first_name: person_first_name,"), summary);
        assertTrue(summary.contains("| `public.staff` | 2 | password: null, username: hash |"), summary);
        String json = ReportJson.toJson(report);
        assertFalse(json.contains(KEY), "the key is in no report");
        for (String output : List.of(json, summary)) {
            assertFalse(output.contains(KEY) || output.contains("Firstname") || output.contains("corp-mail") || output.contains("secret-hash"),
                    "neither the key nor a value is in the report or the job summary");
        }
    }

    @Test
    void theSameKeyGivesTheSameMaskedValuesEveryRunAndAnotherKeyOthers() {
        twin.dropDatabase("masked_b2");
        assertEquals(ExitCode.OK, twin("masked_b1", RULES, KEY).exitCode());
        TwinResult checked = TwinFixtures.twin(TwinFixtures.options(production, "personal", twin, "masked_b2").withVerify(VerifyMode.CHECKSUMS)
                .withPrivacy(new PrivacySettings(rules("masked_b2.yaml", RULES), MaskingKey.of(KEY))));
        assertEquals(ExitCode.OK, checked.exitCode(), () -> "checksums are taken of the masked rows: " + checked.report().failure());
        assertEquals(ExitCode.OK, twin("masked_c", RULES, OTHER_KEY).exitCode());
        String masked = "SELECT string_agg(concat_ws('|', id, first_name, last_name, email, phone), ',' ORDER BY id) FROM customer";
        assertEquals(ordered(twin, "masked_b1", masked), ordered(twin, "masked_b2", masked));
        String emails = "SELECT string_agg(email, ',' ORDER BY id) FROM customer";
        assertNotEquals(ordered(twin, "masked_b1", emails), ordered(twin, "masked_c", emails));
        String hashes = "SELECT string_agg(username, ',' ORDER BY id) FROM staff";
        assertNotEquals(ordered(twin, "masked_b1", hashes), ordered(twin, "masked_c", hashes));
    }

    @Test
    void strictModeStopsBeforeAnyWriteNamingEveryUncoveredPersonalColumnAndItsRule() {
        TwinResult result = twin("strict_twin", """
                tables:
                  public.customer:
                    columns:
                      email: {mask: email}
                """, KEY);

        assertEquals(ExitCode.PRIVACY_RULES, result.exitCode());
        String message = result.report().failure().message();
        for (String column : List.of("customer.first_name", "customer.last_name", "customer.phone", "staff.username", "staff.password")) {
            assertTrue(message.contains("public." + column), () -> column + " missing from: " + message);
        }
        assertTrue(message.contains("phone: {mask: phone}"), message);
        assertFalse(message.contains("customer.email"), "a covered column is not listed: " + message);
        assertFalse(TwinFixtures.databaseExists(twin, "strict_twin"), "nothing was written");
        assertFalse(TwinFixtures.databaseExists(twin, "strict_twin__twin_staging"));
    }

    @Test
    void strictModeLetsTablesCopiedWithoutRowsPass() {
        twin.dropDatabase("strict_no_rows");
        String customerOnly = RULES.substring(0, RULES.indexOf("  public.staff:"));
        TwinResult result = TwinFixtures.twin(TwinFixtures.options(production, "personal", twin, "strict_no_rows")
                .withFilters(List.of(), List.of(), List.of(), List.of(), List.of("staff"))
                .withPrivacy(new PrivacySettings(rules("strict_no_rows.yaml", customerOnly), MaskingKey.of(KEY))));

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(0, twin.queryLong("strict_no_rows", "SELECT count(*) FROM staff"));
    }

    @Test
    void aMaskThatDoesNotFitTheColumnsTypeIsRefusedBeforeAnyWrite() {
        TwinResult wrongType = twin("misfit_twin", RULES.replace("activebool: keep", "activebool: keep\n      store_id: {mask: hash}"), KEY);
        assertEquals(ExitCode.PRIVACY_RULES, wrongType.exitCode());
        assertTrue(wrongType.report().failure().message().contains("public.customer.store_id is integer"), wrongType.report().failure().message());

        TwinResult notNull = twin("misfit_twin", RULES.replace("activebool: keep", "activebool: {mask: \"null\"}"), KEY);
        assertEquals(ExitCode.PRIVACY_RULES, notNull.exitCode());
        assertTrue(notNull.report().failure().message().contains("public.customer.activebool is NOT NULL"), notNull.report().failure().message());
        assertFalse(TwinFixtures.databaseExists(twin, "misfit_twin"));
    }

    @Test
    void anUnknownColumnIsRefusedNamingTheClosestOnes() {
        TwinResult result = twin("unknown_twin", RULES.replace("phone: {mask: phone}", "phnoe: {mask: phone}"), KEY);

        assertEquals(ExitCode.PRIVACY_RULES, result.exitCode());
        assertTrue(result.report().failure().message().contains("phnoe") && result.report().failure().message().contains("closest: phone"),
                result.report().failure().message());
    }

    @Test
    void aWhereThatDoesNotParseNamesTheTableAndTheServersMessage() {
        TwinResult result = twin("where_twin", RULES.replace("store_id = 1", "store_idd = 1"), KEY);

        assertEquals(ExitCode.PRIVACY_RULES, result.exitCode());
        String message = result.report().failure().message();
        assertTrue(message.contains("public.customer") && message.contains("store_idd") && message.contains("does not exist"), message);
        assertFalse(TwinFixtures.databaseExists(twin, "where_twin"));
    }

    @Test
    void keyedMasksRefuseToRunWithoutAKey() {
        TwinResult result = twin("keyless_twin", RULES, null);

        assertEquals(ExitCode.PRIVACY_RULES, result.exitCode());
        assertTrue(result.report().failure().message().contains("NEON_TWIN_MASKING_KEY"), result.report().failure().message());
        assertFalse(TwinFixtures.databaseExists(twin, "keyless_twin"));
    }

    @Test
    void theCommandLineTakesTheKeyFromTheEnvironmentAndNeverPrintsIt() throws IOException {
        twin.dropDatabase("cli_masked");
        Path report = folder.resolve("cli-report.json");
        List<String> args = new java.util.ArrayList<>(List.of("twin", "--jobs", "1", "--rules", rules("cli.yaml", RULES).toString(),
                "--report", report.toString(), "--debug"));
        io.neontwin.testing.TestClients.extraBinDirs().forEach(dir -> args.add("--pg-bin=" + dir));
        var run = io.neontwin.cli.CliProcess.run(List.of(), Map.of("NEON_TWIN_PRODUCTION_URL", production.url("personal"),
                "NEON_TWIN_TWIN_URL", twin.url("cli_masked"), "NEON_TWIN_MASKING_KEY", KEY), args.toArray(String[]::new));

        assertEquals(0, run.exitCode(), run::stderr);
        assertFalse(run.stdout().contains(KEY) || run.stderr().contains(KEY) || Files.readString(report).contains(KEY));
        assertEquals(0, twin.queryLong("cli_masked", "SELECT count(*) FROM customer WHERE email LIKE '%corp-mail%'"));
    }

    private static TableReport table(TwinReport report, String name) {
        return report.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }
}
