package io.neontwin.diff;

import io.neontwin.report.Hazard;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Pagila with its rows against a Pagila a developer changed (src/test/resources/schema-diff/pagila): columns
 * added, a type changed, an index, a view rewritten, a function changed, a table dropped.
 */
class PagilaDiffTest {
    static final Path PAGILA = Path.of(System.getProperty("neontwin.projectDir", ".")).resolve("../shared/fixtures/pagila").normalize();
    static TestServer server;
    static SchemaDiff diff;

    @BeforeAll
    static void loadBothPagilas() throws Exception {
        assumeTrue(Files.isDirectory(PAGILA), "skipped: ../shared/fixtures/pagila is absent on this machine");
        server = PostgresServers.get(15);
        server.createDatabase("pagila_diff_from");
        Databases.loadFile(server, "pagila_diff_from", PAGILA.resolve("pagila-schema.sql"));
        Databases.loadFile(server, "pagila_diff_from", PAGILA.resolve("pagila-data.sql"));
        server.createDatabase("pagila_diff_to");
        Databases.loadFile(server, "pagila_diff_to", PAGILA.resolve("pagila-schema.sql"));
        Databases.loadFile(server, "pagila_diff_to", Path.of("src/test/resources/schema-diff/pagila/modified-pagila.sql"));
        diff = Databases.diff(server, "pagila_diff_from", "pagila_diff_to");
    }

    @AfterAll
    static void dropThem() {
        if (server != null) {
            server.dropDatabase("pagila_diff_from");
            server.dropDatabase("pagila_diff_to");
        }
    }

    @Test
    void theMigrationIsWrittenTheSafeWayWithItsHazards() {
        List<String> sql = diff.statements().stream().map(DiffStatement::sql).toList();
        DiffStatement index = statement("CREATE INDEX CONCURRENTLY idx_rental_return_date ON public.rental");
        assertFalse(index.transactional(), "an index on a table that exists is built CONCURRENTLY, outside a transaction");
        assertTrue(index.hazards().isEmpty(), () -> "built CONCURRENTLY it is not flagged: " + index.hazards());

        assertTrue(sql.contains("ALTER TABLE public.film ADD CONSTRAINT film_length_positive CHECK ((length > 0)) NOT VALID;"), () -> String.join("\n", sql));
        assertTrue(sql.contains("ALTER TABLE public.film VALIDATE CONSTRAINT film_length_positive;"));
        DiffStatement enumValue = statement("ALTER TYPE public.mpaa_rating ADD VALUE 'NR' AFTER 'NC-17'");
        assertFalse(enumValue.transactional(), "a new enum value commits before anything uses it");

        assertEquals(List.of("data-loss"), kinds(statement("DROP TABLE IF EXISTS public.payment_p2022_07")));
        assertTrue(kinds(statement("ALTER TABLE public.staff ALTER COLUMN username TYPE character varying(32)")).contains("table-rewrite"));
        assertTrue(sql.stream().noneMatch(s -> s.startsWith("DROP FUNCTION")), "a function whose body changed is replaced, not dropped");
        assertTrue(sql.stream().anyMatch(s -> s.startsWith("CREATE OR REPLACE FUNCTION public.last_day(")));
        assertTrue(sql.contains("DROP VIEW IF EXISTS public.staff_list;"), "the rewritten view is dropped and created again");
    }

    @Test
    void theMigrationMakesPagilaTheModifiedPagila() {
        Databases.apply(server, "pagila_diff_from", diff);

        SchemaDiff again = Databases.diff(server, "pagila_diff_from", "pagila_diff_to");
        assertTrue(again.isEmpty(), () -> "a second diff is empty; it is:\n" + again.script("second diff"));
        SchemaDumps.assertSame(server, "pagila_diff_to", "pagila_diff_from");
    }

    private static DiffStatement statement(String start) {
        return diff.statements().stream().filter(s -> s.sql().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement starts with " + start + " in:\n" + diff.script("diff")));
    }

    private static List<String> kinds(DiffStatement statement) {
        return statement.hazards().stream().map(Hazard::kind).toList();
    }
}
