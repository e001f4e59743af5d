package io.neontwin.pgclient;

import io.neontwin.secrets.Secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one of PostgreSQL's client programs. The password reaches it through the environment, never the command
 * line; stderr is kept (its tail) so a failure can say what the program said, with secrets masked.
 */
public final class PgProcess {
    private static final int STDERR_TAIL_CHARS = 4000;
    /** As long as the JDBC connection waits (Connector), unless the connection string says connect_timeout. */
    private static final String CONNECT_TIMEOUT_SECONDS = "15";

    private PgProcess() {
    }

    /** The program exited non-zero. */
    public static final class Failed extends RuntimeException {
        private final String program;
        private final int exitCode;
        private final String stderrTail;

        Failed(String program, int exitCode, String stderrTail) {
            super(program + " exited with " + exitCode + ": " + stderrTail);
            this.program = program;
            this.exitCode = exitCode;
            this.stderrTail = stderrTail;
        }

        public String program() {
            return program;
        }

        public int exitCode() {
            return exitCode;
        }

        /** The last of what the program printed on stderr, redacted. */
        public String stderrTail() {
            return stderrTail;
        }

        /** The first "ERROR:" or "error:" line, which is what a person needs to read. */
        public String firstErrorLine() {
            for (String line : stderrTail.split("\n")) {
                if (line.contains("ERROR:") || line.contains("error:") || line.contains("FATAL:")) {
                    return line.strip();
                }
            }
            String trimmed = stderrTail.strip();
            return trimmed.isEmpty() ? "no message" : trimmed.lines().findFirst().orElse(trimmed);
        }
    }

    /** Runs to completion with stdout discarded (or sent to a file). */
    public static void run(Path program, List<String> arguments, Map<String, String> environment, Path stdoutFile) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        // Never a password prompt: with no terminal it would wait on stdin for ever. A password missing everywhere
        // libpq looks (ConnectionSpec resolved them all) fails at once instead.
        command.add("--no-password");
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        // ConnectionSpec already resolved what PGHOST, PGSERVICE, PGPASSFILE... say into the connection string, as libpq
        // would; the program gets exactly that, so it connects as the tool's own connection did.
        builder.environment().keySet().removeIf(name -> name.startsWith("PG"));
        builder.environment().put("PGCONNECT_TIMEOUT", CONNECT_TIMEOUT_SECONDS);
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.redirectOutput(stdoutFile == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdoutFile.toFile()));
        try {
            Process process = builder.start();
            String stderr = tail(process.getErrorStream());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new Failed(program.getFileName().toString(), exit, Secrets.redact(stderr));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program.getFileName() + " ran", e);
        }
    }

    private static String tail(InputStream stderr) throws IOException {
        StringBuilder kept = new StringBuilder();
        byte[] buffer = new byte[8192];
        int read;
        while ((read = stderr.read(buffer)) >= 0) {
            kept.append(new String(buffer, 0, read, StandardCharsets.UTF_8));
            if (kept.length() > 4 * STDERR_TAIL_CHARS) {
                kept.delete(0, kept.length() - STDERR_TAIL_CHARS);
            }
        }
        return kept.length() > STDERR_TAIL_CHARS ? kept.substring(kept.length() - STDERR_TAIL_CHARS) : kept.toString();
    }
}
