package io.neontwin.action;

import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Real action runs for the pictures in the docs (scripts/docs-pictures.sh renders and screenshots what this writes):
 * entrypoint.sh as GitHub's runner starts it, on real PostgreSQL servers seeded with the demo's shop. It writes the job
 * summaries and the annotation lines of three runs to the folder given: a twin, a reverse-twin dry run whose
 * migration builds an index without CONCURRENTLY (a hazard), and a twin whose twin URL points at production (refused).
 * Not a test: the pictures are made by hand when the summary changes.
 */
public final class DocsPictureRuns {
    private DocsPictureRuns() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/docs-pictures"));
        TestServer production = PostgresServers.get(15, "docs-production");
        TestServer twin = PostgresServers.get(15, "docs-twin");
        production.createDatabase("shop");
        production.execute("shop", resource("/demo/shop.sql"));

        Map<String, String> with = new HashMap<>();
        with.put("production-url", production.url("shop"));
        with.put("twin-url", twin.url("shop_twin"));
        EntrypointTest.pgBin(15).ifPresent(bin -> with.put("pg-bin", bin));
        record("twin", out, with, Map.of());

        Map<String, String> reverse = new HashMap<>(with);
        reverse.remove("pg-bin");
        reverse.put("direction", "reverse-twin");
        reverse.put("dry-run", "true");
        record("reverse-twin", out, reverse, Map.of(
                "V1__add_customer_loyalty_tier.sql", resource("/demo/migrations/V1__add_customer_loyalty_tier.sql"),
                "V2__index_customers_by_tier.sql", resource("/demo/migrations/V2__index_customers_by_tier.blocking.sql")));

        Map<String, String> refused = new HashMap<>(with);
        refused.put("twin-url", production.url("shop"));
        record("twin-refused", out, refused, Map.of());
        System.out.println("wrote " + out.toAbsolutePath());
        System.exit(0);
    }

    /** Runs one step; keeps its summary (name.md) and its annotation lines (name.annotations). */
    private static void record(String name, Path out, Map<String, String> with, Map<String, String> migrations)
            throws IOException, InterruptedException {
        RunnerSimulation runner = new RunnerSimulation(Files.createTempDirectory("neon-twin-docs-" + name));
        Path folder = Files.createDirectories(runner.workspace.resolve("migrations"));
        for (Map.Entry<String, String> file : migrations.entrySet()) {
            Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        RunnerSimulation.Step step = runner.run(with);
        List<String> annotations = step.lines().stream()
                .filter(line -> line.startsWith("::error") || line.startsWith("::warning") || line.startsWith("::notice")).toList();
        Files.writeString(out.resolve(name + ".md"), runner.summary());
        Files.write(out.resolve(name + ".annotations"), annotations);
        System.out.println(name + ": exit " + step.exitCode() + ", " + annotations.size() + " annotation(s)");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DocsPictureRuns.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
