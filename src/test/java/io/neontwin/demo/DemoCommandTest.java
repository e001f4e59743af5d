package io.neontwin.demo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command: `neon-twin demo` twins a seeded shop, shows the refusal to write over production, refreshes
 * the twin over a developer's scratch table, then flags a hazard in a pull request's migrations and applies the fixed
 * ones to production, has `neon-twin diff` write the next migration from a developer's branch, and writes the two GitHub workflows with `neon-twin init`, with nothing but the jar and a client; its files go to a temporary folder it names.
 */
class DemoCommandTest {
    private static final Pattern FILES_FOLDER = Pattern.compile("The demo's files go to (\\S+) ");

    @Test
    void theDemoShowsTheTwinTheRefusalTheRefreshAndTheReverseTwinWithAHazard() throws Exception {
        Path workDir = Files.createTempDirectory("demo");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", Path.of(System.getProperty("neontwin.jar", "target/neon-twin.jar")).toAbsolutePath().toString(), "demo")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(demo.waitFor(5, TimeUnit.MINUTES));
        List<String> lines = output.lines().toList();

        assertEquals(0, demo.exitValue(), output);
        assertTrue(lines.indexOf(lines.stream().filter(line -> line.startsWith("Starting two throwaway PostgreSQL servers")).findFirst()
                .orElseThrow()) < lines.indexOf(lines.stream().filter(line -> line.contains("both servers are up")).findFirst()
                .orElseThrow()), "it says what it is doing before the servers are up");
        assertEquals(3, lines.stream().filter(line -> line.startsWith("Twin succeeded")).count(), "the twin, its refresh and the masked twin: " + output);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("error: twin-url points at production's own database")), output);
        assertTrue(output.contains("(exit code 9: refused to write"), output);
        assertTrue(output.contains("twin of this production"), "the second run is a refresh of the first twin");
        assertTrue(output.contains("460,501 rows"), "the refresh carries the customer added to production in between");
        assertTrue(output.contains("The developer's scratch table is gone"), output);
        assertTrue(output.contains("Reverse twin planned"), output);
        assertTrue(lines.stream().anyMatch(line -> line.contains("V2__index_customers_by_tier.sql:2 index-without-concurrently")),
                "the dry run flags the index built without CONCURRENTLY: " + output);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("Reverse twin succeeded") && line.contains(": 2 of 2 pending")), output);

        Matcher folder = FILES_FOLDER.matcher(output);
        assertTrue(folder.find(), output);
        String report = Files.readString(Path.of(folder.group(1)).resolve("neon-twin-demo-report.json"));
        assertTrue(report.contains("\"outcome\" : \"succeeded\""), report);
        try (var left = Files.list(workDir)) {
            assertEquals(List.of(), left.toList(), "nothing is written to the folder the demo runs in");
        }
        String production = lines.stream().filter(line -> line.startsWith("    production: ")).findFirst().orElseThrow();
        String safeTwin = lines.stream().filter(line -> line.startsWith("    safe twin:  ")).findFirst().orElseThrow();
        assertTrue(production.contains("@Example.com / Customer "), production);
        assertTrue(safeTwin.matches("    safe twin:  user-[0-9a-f]{16}@example\\.com / \\p{L}+"),
                "the masked twin holds masked emails and names, not production's: " + safeTwin);
        Path migrations = Path.of(folder.group(1)).resolve("migrations");
        String generated = Files.readString(migrations.resolve("V3__add_customer_nickname.sql"));
        assertTrue(generated.contains("ADD COLUMN nickname text") && generated.contains("CONCURRENTLY"),
                "neon-twin diff wrote the next migration from the developer's branch: " + generated);
        assertTrue(output.contains("    " + generated.lines().filter(line -> line.contains("nickname")).findFirst().orElseThrow()),
                "the demo shows the migration it wrote: " + output);
        assertTrue(output.contains("$ neon-twin init --reverse --directory "), output);
        Path repository = Path.of(folder.group(1)).resolve("your-repository");
        assertTrue(Files.readString(repository.resolve(".github/workflows/neon-twin.yml")).contains("neon-twin-action@v1"),
                "init wrote the twin's workflow into the demo's repository folder");
        assertTrue(Files.exists(repository.resolve(".github/workflows/neon-reverse-twin.yml")), output);
        assertTrue(output.contains("PRODUCTION_DATABASE_URL") && output.contains("TWIN_DATABASE_URL"), "the secrets to create: " + output);
        assertFalse(output.contains("\u001b["), "no escape codes when the output is not a terminal");
    }
}
