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
        private final String firstErrorLine;

        Failed(String program, int exitCode, String stderrTail, String firstErrorLine) {
            super(program + " exited with " + exitCode + ": " + stderrTail);
            this.program = program;
            this.exitCode = exitCode;
            this.stderrTail = stderrTail;
            this.firstErrorLine = firstErrorLine;
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
            if (firstErrorLine != null) {
                return firstErrorLine;
            }
            for (String line : stderrTail.split("\n")) {
                if (isErrorLine(line)) {
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
            Stderr stderr = Stderr.read(process.getErrorStream());
            int exit = process.waitFor();
            if (exit != 0) {
                throw new Failed(program.getFileName().toString(), exit, Secrets.redact(stderr.tail()),
                        stderr.firstError() == null ? null : Secrets.redact(stderr.firstError()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + program, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + program.getFileName() + " ran", e);
        }
    }

    private static boolean isErrorLine(String line) {
        return line.contains("ERROR:") || line.contains("error:") || line.contains("FATAL:");
    }

    /**
     * The end of what a program printed on stderr, and its first error line wherever it was: a long query quoted
     * after the error ("Query was: SELECT ... thousands of oids") would push the error itself out of the tail.
     */
    private record Stderr(String tail, String firstError) {
        static Stderr read(InputStream stderr) throws IOException {
            StringBuilder kept = new StringBuilder();
            String firstError = null;
            try (java.io.BufferedReader lines = new java.io.BufferedReader(new java.io.InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (firstError == null && isErrorLine(line)) {
                        firstError = line.strip().length() > STDERR_TAIL_CHARS ? line.strip().substring(0, STDERR_TAIL_CHARS) : line.strip();
                    }
                    kept.append(line).append('\n');
                    if (kept.length() > 4 * STDERR_TAIL_CHARS) {
                        kept.delete(0, kept.length() - STDERR_TAIL_CHARS);
                    }
                }
            }
            String all = kept.toString();
            return new Stderr(all.length() > STDERR_TAIL_CHARS ? all.substring(all.length() - STDERR_TAIL_CHARS) : all, firstError);
        }
    }
}
