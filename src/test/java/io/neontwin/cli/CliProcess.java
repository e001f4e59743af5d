package io.neontwin.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the shaded jar as users do ({@code java -jar neon-twin.jar ...}) and keeps what it printed. */
public final class CliProcess {
    private CliProcess() {
    }

    public record Result(int exitCode, String stdout, String stderr) {
        List<String> stderrLines() {
            return stderr.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    static Result run(String... args) {
        return run(Map.of(), args);
    }

    /** environment: variables to set (an empty value removes the variable). NEON_TWIN_* from the caller never leak in. */
    static Result run(Map<String, String> environment, String... args) {
        return run(List.of(), environment, args);
    }

    /** As {@link #run(Map, String...)}, in a JVM started with these options (a small -Xmx, say). */
    public static Result run(List<String> jvmOptions, Map<String, String> environment, String... args) {
        Path jar = Path.of(System.getProperty("neontwin.jar", "target/neon-twin.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("no runnable jar at " + jar + "; run the tests through Maven");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().keySet().removeIf(name -> name.startsWith("NEON_TWIN_") || name.startsWith("GITHUB_")
                || name.startsWith("PG"));
        builder.environment().put("CI", "true");
        environment.forEach((name, value) -> {
            if (value.isEmpty()) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
            CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("neon-twin " + String.join(" ", args) + " did not finish in 3 minutes");
            }
            return new Result(process.exitValue(), stdout.join(), stderr.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(java.io.InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
