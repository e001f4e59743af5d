package io.neontwin.pgclient;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds pg_dump/pg_restore/psql of the right major. pg_dump refuses servers newer than itself, and a dump restores
 * into the server it is meant for, so the major must be at least max(production, twin): the exact major is preferred,
 * then the nearest newer one. Searched: --pg-bin folders, /usr/lib/postgresql/N/bin (Debian, the image), then PATH.
 */
public final class PgClientLocator {
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\)\\s+(\\d+)(?:\\.(\\d+))?");
    private static final Path DEBIAN_ROOT = Path.of("/usr/lib/postgresql");

    private final List<Path> explicitDirs;
    private final Path debianRoot;
    private final String path;

    public PgClientLocator(List<Path> explicitDirs) {
        this(explicitDirs, DEBIAN_ROOT, System.getenv("PATH"));
    }

    PgClientLocator(List<Path> explicitDirs, Path debianRoot, String path) {
        this.explicitDirs = List.copyOf(explicitDirs);
        this.debianRoot = debianRoot;
        this.path = path == null ? "" : path;
    }

    /** The client for servers of these majors, or a UserError naming what was found and what is needed. */
    public PgClient locate(int neededMajor) {
        List<PgClient> found = findAll();
        Optional<PgClient> exact = found.stream().filter(c -> c.major() == neededMajor).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        return found.stream().filter(c -> c.major() > neededMajor).min(Comparator.comparingInt(PgClient::major))
                .orElseThrow(() -> new UserError(ExitCode.CLIENT_VERSION, "No pg_dump/pg_restore/psql of PostgreSQL "
                        + neededMajor + " or newer was found (found: " + describe(found) + "); install postgresql-client-"
                        + neededMajor + " or pass its bin folder with --pg-bin (input pg-bin)."));
    }

    /** Every complete client installation found, in search order. */
    public List<PgClient> findAll() {
        List<PgClient> clients = new ArrayList<>();
        for (Path dir : candidateDirs()) {
            probe(dir).ifPresent(clients::add);
        }
        return clients;
    }

    private Set<Path> candidateDirs() {
        Set<Path> dirs = new LinkedHashSet<>(explicitDirs);
        if (Files.isDirectory(debianRoot)) {
            try (Stream<Path> versions = Files.list(debianRoot)) {
                versions.map(v -> v.resolve("bin"))
                        .sorted(Comparator.comparing((Path p) -> p.getParent().getFileName().toString(), PgClientLocator::compareNumeric).reversed())
                        .forEach(dirs::add);
            } catch (IOException ignored) {
                // an unreadable folder holds no client we can use
            }
        }
        for (String entry : path.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                dirs.add(Path.of(entry));
            }
        }
        return dirs;
    }

    private static int compareNumeric(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }

    static Optional<PgClient> probe(Path dir) {
        Path pgDump = dir.resolve("pg_dump");
        if (!Files.isExecutable(pgDump) || !Files.isExecutable(dir.resolve("pg_restore")) || !Files.isExecutable(dir.resolve("psql"))) {
            return Optional.empty();
        }
        try {
            Process process = new ProcessBuilder(pgDump.toString(), "--version").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            return parseVersion(output).map(version -> new PgClient(dir, Integer.parseInt(version.split("\\.")[0]), version));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** "pg_dump (PostgreSQL) 17.2 (Debian 17.2-1.pgdg120+1)" -> "17.2". */
    static Optional<String> parseVersion(String versionOutput) {
        Matcher matcher = VERSION.matcher(versionOutput);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(2) == null ? matcher.group(1) : matcher.group(1) + "." + matcher.group(2));
    }

    private static String describe(List<PgClient> found) {
        if (found.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        for (PgClient client : found) {
            parts.add(client.version() + " in " + client.binDir());
        }
        return String.join(", ", parts);
    }
}
