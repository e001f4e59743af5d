package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * The migrations folder: every migration file in it (and in its subfolders), read, checksummed, split into
 * statements and sorted by version. Flyway names (V&lt;version&gt;__&lt;description&gt;.sql) and golang-migrate/dbmate
 * names (&lt;digits&gt;_&lt;description&gt;.sql, &lt;digits&gt;_&lt;description&gt;.up.sql) are read; .down.sql files and
 * files that are not .sql (README.md...) are left alone.
 * <p>
 * A file may mix statements that refuse a transaction block (CREATE INDEX CONCURRENTLY...) with others: its
 * migration is then not {@link Migration#transactional()}, and the engine runs it statement by statement.
 */
public final class MigrationFolder {
    private static final String FOLDER_OF = "point it at the folder of V<version>__<description>.sql files.";

    private MigrationFolder() {
    }

    /**
     * @param inputName how the user named the folder (--migrations, input migrations-path), for error sentences
     * @throws io.neontwin.errors.UserError MIGRATIONS_INVALID for a missing folder, a bad file name, a duplicate
     *                                      version or a file that cannot be split (unterminated quote...)
     */
    public static List<Migration> load(Path folder, String inputName) {
        if (!Files.exists(folder)) {
            throw invalid(inputName + " is '" + folder + "', which does not exist; " + FOLDER_OF);
        }
        if (!Files.isDirectory(folder)) {
            throw invalid(inputName + " is '" + folder + "', which is a file, not a folder; " + FOLDER_OF);
        }
        List<Migration> migrations = new ArrayList<>();
        Map<MigrationVersion, String> fileByVersion = new HashMap<>();
        Path realFolder = realPath(folder, folder, inputName);
        for (Path path : sqlFiles(folder, inputName)) {
            String file = relativeName(folder, path);
            if (!realPath(folder, path, inputName).startsWith(realFolder)) {
                // A link to /proc/self/environ or ~/.aws/credentials would send that file to the twin and production as SQL.
                throw invalid(inputName + ": '" + file + "' is a symbolic link to a file outside the migrations folder; "
                        + "copy the file into the folder instead of linking to it.");
            }
            Optional<MigrationFileName> name = nameOf(path, file, inputName);
            if (name.isEmpty()) {
                continue;
            }
            String other = fileByVersion.putIfAbsent(name.get().version(), file);
            if (other != null) {
                throw invalid(inputName + ": '" + other + "' and '" + file + "' both have version "
                        + name.get().version() + "; give each migration its own version.");
            }
            migrations.add(MigrationFile.read(path, file, name.get(), inputName));
        }
        if (migrations.isEmpty()) {
            throw invalid(inputName + " is '" + folder + "', which holds no migration files; add files named "
                    + MigrationFileName.EXPECTED + ", or " + FOLDER_OF);
        }
        migrations.sort(Comparator.comparing(Migration::version));
        return List.copyOf(migrations);
    }

    /**
     * Every .sql file, sorted by path so that errors name files in a stable order. Hidden files and folders
     * (.git, macOS ._V1__x.sql resource forks) are skipped: they are no one's migrations.
     */
    private static List<Path> sqlFiles(Path folder, String inputName) {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(path -> !isHidden(folder, path))
                    .filter(path -> isSqlFile(path) && Files.isRegularFile(path))
                    .sorted(Comparator.comparing(path -> relativeName(folder, path)))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, inputName + " is '" + folder + "', which cannot be read ("
                    + e.getMessage() + "); make it readable by the user neon-twin runs as.", e);
        }
    }

    /** Where a path really is, every symbolic link on the way followed. */
    private static Path realPath(Path folder, Path path, String inputName) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UserError(ExitCode.MIGRATIONS_INVALID, inputName + ": '" + relativeName(folder, path) + "' cannot be read ("
                    + e.getMessage() + "); make it readable by the user neon-twin runs as.", e);
        }
    }

    /** V1__x.SQL counts too, so that it is refused by name rather than silently left out. */
    private static boolean isSqlFile(Path path) {
        return path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    private static boolean isHidden(Path folder, Path path) {
        for (Path part : folder.relativize(path)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Optional<MigrationFileName> nameOf(Path path, String file, String inputName) {
        try {
            return MigrationFileName.parse(path.getFileName().toString());
        } catch (IllegalArgumentException e) {
            throw invalid(inputName + ": '" + file + "' " + e.getMessage() + ".");
        }
    }

    /** Relative to the folder, with '/' on every system: the same file has the same name in every run's history. */
    private static String relativeName(Path folder, Path path) {
        StringJoiner name = new StringJoiner("/");
        folder.relativize(path).forEach(part -> name.add(part.toString()));
        return name.toString();
    }

    private static UserError invalid(String sentence) {
        return new UserError(ExitCode.MIGRATIONS_INVALID, sentence);
    }
}
