package io.neontwin.twin;

import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An extension production has but the twin's server cannot install (aws_s3 on RDS, say) is skipped, with the objects
 * that depend on it, and a warning names them all; the rest of the twin is complete.
 */
class MissingExtensionTest {
    @Test
    void theExtensionAndItsDependentsAreSkippedAndNamed() {
        TestServer production = PostgresServers.get(13);
        TestServer twin = PostgresServers.get(15, "twin");
        installExtensionOnlyOn(production);
        production.createDatabase("ext_prod");
        production.execute("ext_prod",
                "CREATE EXTENSION neon_twin_probe",
                "CREATE TABLE uses_probe (id int PRIMARY KEY, code probe_code)",
                "CREATE INDEX uses_probe_code ON uses_probe (code)",
                "CREATE VIEW probe_codes AS SELECT code FROM uses_probe",
                "CREATE TABLE plain (id int PRIMARY KEY, note text)",
                "INSERT INTO plain SELECT g, 'n' || g FROM generate_series(1, 50) g",
                "INSERT INTO uses_probe VALUES (1, 'ABC')");
        twin.dropDatabase("ext_twin");

        TwinReport report = TwinFixtures.twin(production, "ext_prod", twin, "ext_twin").report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        String warning = report.warnings().stream().filter(w -> w.contains("neon_twin_probe")).findFirst().orElseThrow();
        assertTrue(warning.contains("uses_probe") && warning.contains("probe_codes"), warning);
        assertEquals(50, twin.queryLong("ext_twin", "SELECT count(*) FROM plain"));
        assertEquals(0, twin.queryLong("ext_twin", "SELECT count(*) FROM pg_class WHERE relname IN ('uses_probe', 'probe_codes', 'uses_probe_code')"));
    }

    /** Writes a tiny extension into this server's share folder only; other majors' servers do not have it. */
    private static void installExtensionOnlyOn(TestServer server) {
        PostgresServers.writeShareFile(server, "extension/neon_twin_probe.control",
                "comment = 'a test extension'\ndefault_version = '1.0'\nrelocatable = true\n");
        PostgresServers.writeShareFile(server, "extension/neon_twin_probe--1.0.sql",
                "CREATE DOMAIN probe_code AS text CHECK (VALUE ~ '^[A-Z]+$');\n");
    }
}
