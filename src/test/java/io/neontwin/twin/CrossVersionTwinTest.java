package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Production and twin on different majors: the client is matched to the newer, and its output fitted to the twin. */
class CrossVersionTwinTest {

    @ParameterizedTest(name = "production {0} into twin 17")
    @ValueSource(ints = {13, 15})
    void anOlderProductionTwinsIntoANewerServer(int productionMajor) {
        assumeTrue(TestClients.forMajor(17).isPresent(), "skipped: no PostgreSQL 17 client (run .ci/install-pg17-client.sh)");
        TestServer production = PostgresServers.get(productionMajor);
        TestServer twin = PostgresServers.get(17);
        production.createDatabase("cross_prod");
        TwinFixtures.loadResource(production, "cross_prod", "/schemas/edge-cases.sql");
        twin.dropDatabase("cross_twin_" + productionMajor);

        TwinReport report = TwinFixtures.twin(production, "cross_prod", twin, "cross_twin_" + productionMajor).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        assertEquals(17, report.client().major(), "the client matches the newer server");
        assertEquals(TwinFixtures.rowCounts(production, "cross_prod"), TwinFixtures.rowCounts(twin, "cross_twin_" + productionMajor));
        TwinFixtures.assertSameSchema(TwinFixtures.withoutQualifiers(TwinFixtures.schemaOf(production, "cross_prod")),
                TwinFixtures.withoutQualifiers(TwinFixtures.schemaOf(twin, "cross_twin_" + productionMajor)));
    }

    @Test
    void aNewerProductionIntoAnOlderTwinWorksOrFailsClearlyLeavingNothingBehind() {
        assumeTrue(TestClients.forMajor(17).isPresent(), "skipped: no PostgreSQL 17 client (run .ci/install-pg17-client.sh)");
        TestServer production = PostgresServers.get(17);
        TestServer twin = PostgresServers.get(15, "twin");
        production.createDatabase("newer_prod");
        TwinFixtures.loadResource(production, "newer_prod", "/schemas/edge-cases.sql");
        twin.dropDatabase("older_twin");

        TwinResult result = TwinFixtures.twin(production, "newer_prod", twin, "older_twin");

        assertTrue(result.report().warnings().stream().anyMatch(w -> w.contains("older than production")),
                "the plan warns that the twin's server is older");
        if (result.exitCode() == ExitCode.OK) {
            assertEquals(TwinFixtures.rowCounts(production, "newer_prod"), TwinFixtures.rowCounts(twin, "older_twin"));
        } else {
            assertFalse(result.report().failure().message().contains("Exception"), result.report().failure().message());
            assertFalse(TwinFixtures.databaseExists(twin, "older_twin"), "no twin is left half-built");
        }
        assertFalse(TwinFixtures.databaseExists(twin, "older_twin__twin_staging"));
    }
}
