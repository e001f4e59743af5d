package io.neontwin.diff;

import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The diff's specification is convergence: for each before/after pair (src/test/resources/schema-diff/pairs), the
 * diff applied to the "from" database makes it the "to" one: a second diff is empty and pg_dump --schema-only of
 * both shows the same objects. One server, two databases per pair, created and dropped.
 */
class SchemaDiffConvergenceTest {
    static final Path PAIRS = Path.of("src/test/resources/schema-diff/pairs");
    static TestServer server;

    @BeforeAll
    static void startServer() {
        // -Dschema-diff.major=13 or 17 runs the pairs on another version (by hand: the suite keeps to one server)
        server = PostgresServers.get(Integer.getInteger("schema-diff.major", 15));
        createRoles(server);
    }

    /** Roles are the cluster's: the privilege pairs grant to these. */
    static void createRoles(TestServer server) {
        server.execute("postgres", "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'diff_reader') THEN"
                + " CREATE ROLE diff_reader; END IF; IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'diff_writer') THEN"
                + " CREATE ROLE diff_writer; END IF; END $$");
    }

    static Stream<SchemaPair> pairs() throws IOException {
        try (Stream<Path> files = Files.list(PAIRS)) {
            // -Dschema-diff.pairs=11,24 runs only the pairs whose names start so (while working on them)
            List<String> only = List.of(System.getProperty("schema-diff.pairs", "").split(","));
            List<Path> sorted = files.filter(file -> file.toString().endsWith(".sql"))
                    .filter(file -> only.stream().anyMatch(prefix -> file.getFileName().toString().startsWith(prefix)))
                    .sorted().toList();
            return sorted.stream().map(SchemaPair::read);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theDiffAppliedToFromMakesItTo(SchemaPair pair) {
        Databases.load(server, "diff_from", pair.from());
        Databases.load(server, "diff_to", pair.to());
        try {
            SchemaDiff diff = Databases.diff(server, "diff_from", "diff_to");
            assertFalse(diff.isEmpty(), "the pair's two schemas differ, so the diff is not empty");

            Databases.apply(server, "diff_from", diff);

            SchemaDiff again = Databases.diff(server, "diff_from", "diff_to");
            assertTrue(again.isEmpty(), () -> "after the diff, a second diff is empty; it is:\n" + again.script("second diff")
                    + "\nthe first was:\n" + diff.script("first diff"));
            SchemaDumps.assertSame(server, "diff_to", "diff_from");
        } finally {
            server.dropDatabase("diff_from");
            server.dropDatabase("diff_to");
        }
    }
}
