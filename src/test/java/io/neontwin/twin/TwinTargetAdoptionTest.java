package io.neontwin.twin;

import io.neontwin.errors.ExitCode;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * "Empty" means nothing a user created, of any kind: an existing database holding no table but a schema, a function,
 * an enum, a large object, a view, a sequence or an extension is not adopted as the twin without --force; and the
 * server's own databases are never a twin target.
 */
class TwinTargetAdoptionTest {
    static TestServer production;
    static TestServer twin;

    @BeforeAll
    static void createProduction() {
        production = PostgresServers.get(15);
        twin = PostgresServers.get(15, "twin");
        production.createDatabase("adopt_prod");
        production.execute("adopt_prod", "CREATE TABLE accounts (id int PRIMARY KEY)", "INSERT INTO accounts SELECT generate_series(1, 10)");
    }

    @Test
    void aDatabaseWithASchemaAFunctionAnEnumAndALargeObjectButNoTableIsNotEmpty() {
        twin.createDatabase("adopt_objects");
        twin.execute("adopt_objects", "CREATE SCHEMA billing", "CREATE FUNCTION billing.tax(numeric) RETURNS numeric LANGUAGE sql AS 'SELECT $1 * 0.2'",
                "CREATE TYPE billing.plan AS ENUM ('free', 'pro')", "SELECT lo_from_bytea(0, 'contract')");

        TwinResult refused = TwinFixtures.twin(production, "adopt_prod", twin, "adopt_objects");

        assertEquals(ExitCode.SAFETY, refused.exitCode(), () -> String.valueOf(refused.report().failure()));
        String message = refused.report().failure().message();
        assertTrue(message.contains("schema billing") && message.contains("--force"), message);
        assertEquals(1, twin.queryLong("adopt_objects", "SELECT count(*) FROM pg_largeobject_metadata"), "nothing was touched");
        assertEquals(1, twin.queryLong("adopt_objects", "SELECT count(*) FROM pg_proc WHERE proname = 'tax'"), "nothing was touched");
    }

    @Test
    void eachKindOfObjectAloneMakesADatabaseNotEmpty() {
        String[][] kinds = {
                {"CREATE SCHEMA reporting", "schema reporting"},
                {"CREATE FUNCTION public.answer() RETURNS int LANGUAGE sql AS 'SELECT 42'", "function answer()"},
                {"CREATE TYPE public.mood AS ENUM ('ok')", "type mood"},
                {"SELECT lo_from_bytea(4242, 'x')", "large object 4242"},
                {"CREATE EXTENSION citext", "extension citext"},
                {"CREATE VIEW public.now_view AS SELECT now()", "view now_view"},
                {"CREATE SEQUENCE public.invoice_numbers", "sequence invoice_numbers"},
                {"CREATE DOMAIN public.positive AS int CHECK (VALUE > 0)", "type positive"},
                {"CREATE TEXT SEARCH CONFIGURATION public.plain (COPY = simple)", "text search configuration plain"},
        };
        for (String[] kind : kinds) {
            twin.createDatabase("adopt_one_kind");
            twin.execute("adopt_one_kind", kind[0]);

            TwinResult refused = TwinFixtures.twin(production, "adopt_prod", twin, "adopt_one_kind");

            assertEquals(ExitCode.SAFETY, refused.exitCode(), kind[0]);
            assertTrue(refused.report().failure().message().contains(kind[1]), refused.report().failure().message());
        }
    }

    @Test
    void aForcedRunReplacesADatabaseThatHoldsOnlyObjects() {
        twin.createDatabase("adopt_forced");
        twin.execute("adopt_forced", "CREATE SCHEMA leftovers");

        TwinResult forced = TwinFixtures.twin(TwinFixtures.options(production, "adopt_prod", twin, "adopt_forced").withForce(true));

        assertEquals(ExitCode.OK, forced.exitCode(), () -> String.valueOf(forced.report().failure()));
        assertEquals(10, twin.queryLong("adopt_forced", "SELECT count(*) FROM accounts"));
        assertEquals(0, twin.queryLong("adopt_forced", "SELECT count(*) FROM pg_namespace WHERE nspname = 'leftovers'"));
    }

    @Test
    void aFreshlyCreatedDatabaseIsStillAdoptedAsEmpty() {
        twin.createDatabase("adopt_fresh");

        TwinResult result = TwinFixtures.twin(production, "adopt_prod", twin, "adopt_fresh");

        assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
        assertEquals(10, twin.queryLong("adopt_fresh", "SELECT count(*) FROM accounts"));
    }

    @Test
    void whatTemplate1GivesEveryNewDatabaseDoesNotMakeItNonEmpty() {
        // as a provider does that installs its own extension in template1
        twin.execute("template1", "CREATE EXTENSION IF NOT EXISTS citext");
        try {
            twin.createDatabase("adopt_provider");

            TwinResult result = TwinFixtures.twin(production, "adopt_prod", twin, "adopt_provider");

            assertEquals(ExitCode.OK, result.exitCode(), () -> String.valueOf(result.report().failure()));
            assertEquals(10, twin.queryLong("adopt_provider", "SELECT count(*) FROM accounts"));
        } finally {
            twin.execute("template1", "DROP EXTENSION IF EXISTS citext");
        }
    }

    @Test
    void theServersPostgresDatabaseIsNeverATwinEvenWithForce() {
        long databasesBefore = twin.queryLong("template1", "SELECT count(*) FROM pg_database");

        TwinResult refused = TwinFixtures.twin(TwinFixtures.options(production, "adopt_prod", twin, "postgres").withForce(true));

        assertEquals(ExitCode.SAFETY, refused.exitCode(), () -> String.valueOf(refused.report().failure()));
        assertTrue(refused.report().failure().message().contains("'postgres'"), refused.report().failure().message());
        assertEquals(0, twin.queryLong("postgres", "SELECT count(*) FROM pg_class WHERE relname = 'accounts'"));
        assertEquals(databasesBefore, twin.queryLong("template1", "SELECT count(*) FROM pg_database"));
    }

    @Test
    void aTemplateDatabaseIsNeverATwinEvenWithForce() {
        TwinResult refused = TwinFixtures.twin(TwinFixtures.options(production, "adopt_prod", twin, "template1").withForce(true));

        assertEquals(ExitCode.SAFETY, refused.exitCode(), () -> String.valueOf(refused.report().failure()));
        assertTrue(refused.report().failure().message().contains("template"), refused.report().failure().message());
        assertEquals(0, twin.queryLong("template1", "SELECT count(*) FROM pg_class WHERE relname = 'accounts'"));
    }
}
