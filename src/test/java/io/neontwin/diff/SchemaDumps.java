package io.neontwin.diff;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.pgclient.PgClient;
import io.neontwin.testing.TestClients;
import io.neontwin.testing.TestServer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** pg_dump --schema-only of two databases, compared object by object (pg_dump's order is the one thing set aside). */
final class SchemaDumps {
    private SchemaDumps() {
    }

    /** Each object pg_dump writes (a "-- Name:" section), without comments and session settings, sorted. */
    static List<String> objectsOf(TestServer server, String database) {
        PgClient client = TestClients.newest();
        try {
            Path out = Files.createTempFile("schema-diff", ".sql");
            Process process = new ProcessBuilder(client.pgDump().toString(), "--schema-only", "--no-owner", "--file=" + out,
                    "--dbname=" + ConnectionSpec.parse("test", server.url(database)).libpqConninfo())
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("pg_dump failed: " + output);
            }
            List<String> objects = new ArrayList<>();
            StringBuilder current = new StringBuilder();
            for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
                if (line.startsWith("-- Name:")) {
                    objects.add(current.toString().strip());
                    current.setLength(0);
                }
                if (line.isBlank() || line.startsWith("--") || line.startsWith("\\") || line.startsWith("SET ")
                        || line.startsWith("SELECT pg_catalog.set_config")) {
                    continue;
                }
                current.append(line).append('\n');
            }
            objects.add(current.toString().strip());
            Files.delete(out);
            objects.replaceAll(SchemaDumps::grantsSorted);
            objects.removeIf(String::isEmpty);
            objects.sort(null);
            return objects;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The grants of one object come in the order of its ACL's entries, which says nothing of the privileges. */
    private static String grantsSorted(String object) {
        List<String> lines = new ArrayList<>(object.lines().toList());
        if (lines.stream().allMatch(line -> line.startsWith("GRANT ") || line.startsWith("REVOKE "))) {
            lines.sort(null);
        }
        return String.join("\n", lines);
    }

    static void assertSame(TestServer server, String expected, String actual) {
        List<String> wanted = objectsOf(server, expected);
        List<String> got = objectsOf(server, actual);
        List<String> missing = new ArrayList<>(wanted);
        missing.removeAll(got);
        List<String> extra = new ArrayList<>(got);
        extra.removeAll(wanted);
        assertEquals(String.join("\n\n", wanted), String.join("\n\n", got),
                "pg_dump differs; only in " + expected + ": " + missing + "; only in " + actual + ": " + extra);
    }
}
