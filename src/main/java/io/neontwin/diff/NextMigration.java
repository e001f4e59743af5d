package io.neontwin.diff;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.reversetwin.Migration;
import io.neontwin.reversetwin.MigrationFolder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The next migration of a folder, in the folder's own naming: V&lt;version&gt;__&lt;description&gt;.sql (Flyway's, and
 * neon-twin's), or &lt;version&gt;_&lt;description&gt;.up.sql where the last file is golang-migrate's; the version after
 * the highest one there (1 in an empty or new folder), the name made of lower-case words.
 */
public final class NextMigration {
    public static final String DEFAULT_NAME = "schema_diff";

    private NextMigration() {
    }

    /** The file the migration would be written to. */
    public static Path fileFor(Path folder, String name, String inputName) {
        List<Migration> migrations = holdsSqlFiles(folder) ? MigrationFolder.load(folder, inputName) : List.of();
        BigInteger next = migrations.isEmpty() ? BigInteger.ONE
                : migrations.getLast().version().parts().getFirst().add(BigInteger.ONE);
        // a golang-migrate folder gets golang-migrate's name, so that 'migrate up' finds the new file too
        if (!migrations.isEmpty() && migrations.getLast().file().endsWith(".up.sql")) {
            return folder.resolve(next + "_" + describe(name) + ".up.sql");
        }
        return folder.resolve("V" + next + "__" + describe(name) + ".sql");
    }

    /** Writes the text as the folder's next migration and returns its path. */
    public static Path write(Path folder, String name, String text, String inputName) {
        Path file = fileFor(folder, name, inputName);
        try {
            Files.createDirectories(folder);
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UserError(ExitCode.INVALID_INPUT, inputName + ": cannot write " + file + " (" + e.getMessage()
                    + "); check the folder is writable by the user neon-twin runs as.", e);
        }
    }

    /** "Add orders index!" becomes add_orders_index: letters, digits and single underscores. */
    static String describe(String name) {
        String words = name == null ? "" : name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        return words.isEmpty() ? DEFAULT_NAME : words;
    }

    private static boolean holdsSqlFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(file -> file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")
                    && !file.getFileName().toString().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
