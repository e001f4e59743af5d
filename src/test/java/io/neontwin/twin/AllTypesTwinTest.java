package io.neontwin.twin;

import io.neontwin.report.Outcome;
import io.neontwin.report.TwinReport;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Our own schema with one of every type, relation kind and object kind a user can create without a C extension
 * (src/test/resources/schemas/all-types.sql), twinned into the same major and into a newer one: the same schema, the
 * same rows, the same content value for value (every row compared as to_jsonb). What cannot be copied is said in a
 * warning, as docs/twin.md documents: large objects, and foreign tables' rows.
 */
class AllTypesTwinTest {
    static TestServer production;

    @BeforeAll
    static void loadAllTypes() {
        production = PostgresServers.get(15);
        production.createDatabase("all_types");
        TwinFixtures.loadResource(production, "all_types", "/schemas/all-types.sql");
    }

    @Test
    void everyTypeAndKindArrivesValueForValueInTheSameMajor() {
        // counts verification: binary COPY wherever the catalog allows it
        assertFaithfulTwin(production, PostgresServers.get(15, "twin"), "all_types_twin", VerifyMode.COUNTS, UnaryOperator.identity());
    }

    @Test
    void everyTypeAndKindArrivesValueForValueInANewerMajor() {
        assumeTrue(TestClients.forMajor(17).isPresent(), "skipped: no PostgreSQL 17 client (run .ci/install-pg17-client.sh)");
        assertFaithfulTwin(production, PostgresServers.get(17, "twin"), "all_types_newer", VerifyMode.CHECKSUMS, TwinFixtures::withoutQualifiers);
    }

    @Test
    void theOldestTestedMajorTwinsItsShareOfTheSchemaIntoTheNewest() {
        assumeTrue(TestClients.forMajor(17).isPresent(), "skipped: no PostgreSQL 17 client (run .ci/install-pg17-client.sh)");
        TestServer oldest = PostgresServers.get(13);
        oldest.createDatabase("all_types");
        TwinFixtures.loadResource(oldest, "all_types", "/schemas/all-types.sql");
        // PostgreSQL 14+ gives every range type a multirange, and its dumps name it
        UnaryOperator<List<String>> normalizer = schema -> TwinFixtures.withoutQualifiers(schema).stream()
                .filter(line -> !line.startsWith("multirange_type_name")).toList();
        assertFaithfulTwin(oldest, PostgresServers.get(17, "twin"), "all_types_from_13", VerifyMode.COUNTS, normalizer);
    }

    private static void assertFaithfulTwin(TestServer production, TestServer twin, String twinDatabase, VerifyMode verify,
                                           UnaryOperator<List<String>> schemaNormalizer) {
        twin.dropDatabase(twinDatabase);
        TwinReport report = TwinFixtures.twin(TwinFixtures.options(production, "all_types", twin, twinDatabase)
                .withVerify(verify)).report();

        assertEquals(Outcome.SUCCEEDED, report.outcome(), () -> String.valueOf(report.failure()));
        TwinFixtures.assertSameSchema(schemaNormalizer.apply(TwinFixtures.schemaOf(production, "all_types")),
                schemaNormalizer.apply(TwinFixtures.schemaOf(twin, twinDatabase)));
        assertEquals(TwinFixtures.rowCounts(production, "all_types"), TwinFixtures.rowCounts(twin, twinDatabase));
        assertEquals(TwinFixtures.tableContents(production, "all_types"), TwinFixtures.tableContents(twin, twinDatabase));
        assertEquals(TwinFixtures.sequenceValues(production, "all_types"), TwinFixtures.sequenceValues(twin, twinDatabase));
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("large object(s) on production are not copied")),
                report.warnings()::toString);
        assertTrue(report.warnings().stream().anyMatch(w -> w.contains("kinds.remote_things")), report.warnings()::toString);
    }
}
