package io.neontwin.diff;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A before/after schema pair of the diff's specification: one file with a "-- from" section and a "-- to" section
 * (the lines above "-- from" describe the pair).
 */
record SchemaPair(String name, String from, String to) {
    static SchemaPair read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            int from = lines.indexOf("-- from");
            int to = lines.indexOf("-- to");
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(file + " needs a '-- from' line and then a '-- to' line");
            }
            String name = file.getFileName().toString().replaceFirst("\\.sql$", "");
            return new SchemaPair(name, String.join("\n", lines.subList(from + 1, to)),
                    String.join("\n", lines.subList(to + 1, lines.size())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
