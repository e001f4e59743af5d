package io.neontwin.demo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's first command: `neon-twin demo` twins and refreshes a seeded shop, then carries two migrations back to
 * production, with nothing but the jar and a client.
 */
class DemoCommandTest {
    @Test
    void theDemoTwinsAndRefreshesASmallShopThenAppliesTwoMigrationsToProduction() throws Exception {
        Path workDir = Files.createTempDirectory("demo");
        Process demo = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-jar", Path.of(System.getProperty("neontwin.jar", "target/neon-twin.jar")).toAbsolutePath().toString(), "demo")
                .directory(workDir.toFile()).redirectErrorStream(true).start();
        String output = new String(demo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(demo.waitFor(5, TimeUnit.MINUTES));

        assertEquals(0, demo.exitValue(), output);
        assertEquals(2, output.lines().filter(line -> line.startsWith("Twin succeeded")).count(), output);
        assertTrue(output.contains("twin of this production"), "the second run is a refresh of the first twin");
        assertTrue(output.contains("460,501 rows"), "the refresh carries the customer added to production in between");
        assertTrue(output.contains("Reverse twin planned"), output);
        assertTrue(output.lines().anyMatch(line -> line.startsWith("Reverse twin succeeded") && line.contains(": 2 of 2 pending")), output);
        String report = Files.readString(workDir.resolve("neon-twin-demo-report.json"));
        assertTrue(report.contains("\"outcome\" : \"succeeded\""), report);
    }
}
