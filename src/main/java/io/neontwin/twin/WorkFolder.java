package io.neontwin.twin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The run's private temporary folder and every file in it, named once: the schema archive pg_dump writes, its table
 * of contents, and each section's kept-entry list and SQL script. Deleted when the run ends, however it ends.
 */
record WorkFolder(Path path) implements AutoCloseable {
    static WorkFolder create() {
        try {
            return new WorkFolder(Files.createTempDirectory("neon-twin-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path schemaArchive() {
        return path.resolve("schema.dump");
    }

    Path schemaListing() {
        return path.resolve("schema.toc");
    }

    /** The TOC lines pg_restore --use-list restores for a section ("pre-data", "post-data"). */
    Path sectionList(String section) {
        return path.resolve(section + ".list");
    }

    Path sectionScript(String section) {
        return path.resolve(section + ".sql");
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }
}
