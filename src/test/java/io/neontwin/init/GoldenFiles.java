package io.neontwin.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Files the repository commits that are generated (expected vector files, examples/workflows, site/generator-data.js):
 * a test fails when one differs from what the code now produces; -Dneontwin.update=true rewrites them instead, for a
 * change that is meant (read the git diff before committing it).
 */
final class GoldenFiles {
    static final boolean UPDATE = Boolean.getBoolean("neontwin.update");

    private GoldenFiles() {
    }

    static void assertFile(Path path, String actual) {
        try {
            if (UPDATE) {
                Files.createDirectories(path.toAbsolutePath().getParent());
                Files.writeString(path, actual);
                return;
            }
            assertEquals(Files.exists(path) ? Files.readString(path) : null, actual,
                    path + " is not what the generator produces; if the change is meant, rerun with -Dneontwin.update=true");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
