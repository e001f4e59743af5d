package io.neontwin.diff;

import io.neontwin.report.Hazard;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rules of the issue, read off the migrations of some of the pairs: what the diff writes, not only that it
 * converges.
 */
class SchemaDiffRulesTest {
    static TestServer server;

    @BeforeAll
    static void startServer() {
        server = PostgresServers.get(15);
        SchemaDiffConvergenceTest.createRoles(server);
    }

    private static SchemaDiff diffOf(String pairName) {
        SchemaPair pair = SchemaPair.read(SchemaDiffConvergenceTest.PAIRS.resolve(pairName + ".sql"));
        return diffOf(pair.from(), pair.to());
    }

    private static SchemaDiff diffOf(String from, String to) {
        Databases.load(server, "rules_from", from);
        Databases.load(server, "rules_to", to);
        try {
            return Databases.diff(server, "rules_from", "rules_to");
        } finally {
            server.dropDatabase("rules_from");
            server.dropDatabase("rules_to");
        }
    }

    private static List<String> sql(SchemaDiff diff) {
        return diff.statements().stream().map(DiffStatement::sql).toList();
    }

    private static List<String> hazardKinds(SchemaDiff diff, String statement) {
        return diff.statements().stream().filter(s -> s.sql().equals(statement)).findFirst()
                .orElseThrow(() -> new AssertionError(statement + " is not in:\n" + diff.script("diff")))
                .hazards().stream().map(Hazard::kind).toList();
    }

    @Test
    void aRenamedColumnIsDroppedAndAddedAndTheDropIsFlaggedAsDataLoss() {
        SchemaDiff diff = diffOf("17-column-renamed");

        assertEquals(List.of("ALTER TABLE public.city DROP COLUMN nam;", "ALTER TABLE public.city ADD COLUMN name text;"), sql(diff));
        assertEquals(List.of("data-loss"), hazardKinds(diff, "ALTER TABLE public.city DROP COLUMN nam;"));
    }

    @Test
    void aForeignKeyOnATableWithRowsIsAddedNotValidThenValidated() {
        assertEquals(List.of(
                "ALTER TABLE public.player ADD CONSTRAINT player_team_fk FOREIGN KEY (team_id) REFERENCES public.team(id) ON UPDATE CASCADE NOT VALID;",
                "ALTER TABLE public.player VALIDATE CONSTRAINT player_team_fk;"), sql(diffOf("30-foreign-key-added")));
    }

    @Test
    void aPrimaryKeyIsAddedOverAUniqueIndexBuiltConcurrently() {
        SchemaDiff diff = diffOf("27-primary-key-added");

        assertTrue(sql(diff).contains("ALTER TABLE public.country ADD CONSTRAINT country_pkey PRIMARY KEY USING INDEX country_pkey;"), () -> diff.script("diff"));
        DiffStatement index = diff.statements().stream().filter(s -> s.sql().startsWith("CREATE UNIQUE INDEX CONCURRENTLY country_pkey ")).findFirst().orElseThrow();
        assertFalse(index.transactional(), "CONCURRENTLY cannot run in a transaction");
        assertTrue(sql(diff).contains("ALTER TABLE public.country ADD CONSTRAINT country_name_key UNIQUE USING INDEX country_name_key DEFERRABLE INITIALLY DEFERRED;"));
    }

    @Test
    void enumValuesAreAddedInTheirPlaceOutsideATransaction() {
        SchemaDiff diff = diffOf("07-enum-values-added");

        List<DiffStatement> added = diff.statements().stream().filter(s -> s.sql().startsWith("ALTER TYPE public.mood ADD VALUE")).toList();
        assertEquals(List.of("ALTER TYPE public.mood ADD VALUE 'angry' BEFORE 'sad';", "ALTER TYPE public.mood ADD VALUE 'ok' AFTER 'sad';",
                "ALTER TYPE public.mood ADD VALUE 'ecstatic' AFTER 'happy';"), added.stream().map(DiffStatement::sql).toList());
        assertTrue(added.stream().noneMatch(DiffStatement::transactional));
        assertEquals("ALTER TABLE public.person ALTER COLUMN mood SET DEFAULT 'ok'::public.mood;", sql(diff).getLast(),
                "the default that uses a new value comes after it");
    }

    @Test
    void aSequenceKeepsItsValueWhenItsOptionsChange() {
        SchemaDiff diff = diffOf("45-sequences");

        assertTrue(sql(diff).contains("ALTER SEQUENCE public.invoice_no AS bigint START WITH 1000 INCREMENT BY 10 MINVALUE 1 MAXVALUE 999999 CACHE 5 NO CYCLE;"),
                () -> diff.script("diff"));
        assertTrue(sql(diff).stream().noneMatch(s -> s.contains("RESTART") || s.contains("setval")), "values are the data's, not the schema's");
    }

    @Test
    void aViewIsRecreatedWithTheViewsBuiltOnIt() {
        assertEquals(List.of("DROP VIEW IF EXISTS public.big_sale_count;", "DROP VIEW IF EXISTS public.big_sale;"),
                sql(diffOf("36-view-rewritten-with-dependents")).subList(0, 2), "dependents are dropped first, then created after");
    }

    @Test
    void aColumnAddedBetweenOthersIsAddedLastAndTheMigrationSaysSo() {
        SchemaDiff diff = diffOf("CREATE TABLE public.person (id integer, last_name text)",
                "CREATE TABLE public.person (id integer, first_name text, last_name text, nickname text)");

        assertEquals(List.of("ALTER TABLE public.person ADD COLUMN first_name text;", "ALTER TABLE public.person ADD COLUMN nickname text;"), sql(diff));
        assertEquals(List.of("public.person.first_name is added as the last column: PostgreSQL cannot put a column between"
                + " others, so the columns' order will differ from the other side's."), diff.notes(), "nickname is last on both sides");
        assertTrue(diff.script("diff").contains("\n-- note: public.person.first_name is added as the last column"));
    }

    @Test
    void anEnumThatLosesAValueUnderATableColumnIsReplacedAndTheColumnConverted() {
        SchemaDiff diff = diffOf("61-enum-value-removed-under-columns");

        assertEquals(List.of("DROP VIEW IF EXISTS public.large_shirts;",
                "ALTER TYPE public.size RENAME TO neontwin_replaced_enum_1;",
                "CREATE TYPE public.size AS ENUM ('s', 'm', 'l');",
                "ALTER TABLE public.shirt ALTER COLUMN size DROP DEFAULT;",
                "ALTER TABLE public.shirt ALTER COLUMN size TYPE public.size USING size::text::public.size;",
                "ALTER TABLE public.shirt ALTER COLUMN size SET DEFAULT 'm'::public.size;",
                "ALTER TABLE public.shirt ALTER COLUMN sizes_in_stock TYPE public.size[] USING sizes_in_stock::text[]::public.size[];",
                "CREATE VIEW public.large_shirts AS\nSELECT shirt.id\n   FROM public.shirt\n  WHERE shirt.size = 'l'::public.size;",
                "DROP TYPE public.neontwin_replaced_enum_1;"), sql(diff));
        assertTrue(hazardKinds(diff, "ALTER TABLE public.shirt ALTER COLUMN size TYPE public.size USING size::text::public.size;")
                .contains("table-rewrite"));
    }

    @Test
    void aTypeThatMustBeRecreatedUnderATableColumnIsNamedInANote() {
        SchemaDiff diff = diffOf("CREATE TYPE public.pair AS (a integer, b integer); CREATE TABLE public.t (p public.pair)",
                "CREATE TYPE public.pair AS (a integer, b integer, c integer); CREATE TABLE public.t (p public.pair)");

        assertEquals(List.of("type public.pair must be dropped and created again, but table public.t uses it, so its DROP"
                + " will fail; change what uses it to another type first (for an enum: to text, then back)."), diff.notes());
    }

    @Test
    void droppedTablesComeLastAndAreFlaggedAsDataLoss() {
        SchemaDiff diff = diffOf("14-table-dropped");

        assertEquals(List.of("ALTER TABLE IF EXISTS public.book DROP CONSTRAINT IF EXISTS book_author_id_fkey;",
                "DROP TABLE IF EXISTS public.book;", "DROP TABLE IF EXISTS public.author;"), sql(diff));
        assertEquals(List.of("data-loss"), hazardKinds(diff, "DROP TABLE IF EXISTS public.author;"));
    }
}
