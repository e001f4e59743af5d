package io.neontwin.twin;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of {@code pg_restore -l}: "dumpId; catalogTable oid DESC schema tag owner". The description can span
 * several words ("FK CONSTRAINT") and the tag can hold spaces, so the description is matched against pg_dump's own
 * list and the rest is kept whole. pg_restore -L reads only the dump id, so a kept line is written back unchanged.
 */
public record TocEntry(int dumpId, long catalogTable, long oid, String desc, String rest, String line) {
    private static final Pattern LINE = Pattern.compile("^(\\d+); (\\d+) (\\d+) (.*)$");
    /** Longest first, so "MATERIALIZED VIEW DATA" is not read as "MATERIALIZED VIEW". */
    private static final List<String> DESCS = List.of(
            "PUBLICATION TABLES IN SCHEMA", "MATERIALIZED VIEW DATA", "TEXT SEARCH CONFIGURATION", "TEXT SEARCH DICTIONARY",
            "TEXT SEARCH TEMPLATE", "TEXT SEARCH PARSER", "FOREIGN DATA WRAPPER", "SUBSCRIPTION TABLE", "PUBLICATION TABLE",
            "MATERIALIZED VIEW", "SEQUENCE OWNED BY", "OPERATOR FAMILY", "OPERATOR CLASS", "SECURITY LABEL", "EVENT TRIGGER",
            "CHECK CONSTRAINT", "FOREIGN TABLE", "FK CONSTRAINT", "ROW SECURITY", "LARGE OBJECT", "ACCESS METHOD",
            "DEFAULT ACL", "USER MAPPING", "TABLE ATTACH", "INDEX ATTACH", "SEQUENCE SET", "TABLE DATA", "SHELL TYPE",
            "PROCEDURAL LANGUAGE", "ENCODING", "STDSTRINGS", "SEARCHPATH", "DATABASE PROPERTIES");

    public static Optional<TocEntry> parse(String line) {
        if (line.startsWith(";") || line.isBlank()) {
            return Optional.empty();
        }
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String remainder = matcher.group(4);
        String desc = null;
        for (String candidate : DESCS) {
            if (remainder.startsWith(candidate + " ") || remainder.equals(candidate)) {
                desc = candidate;
                break;
            }
        }
        if (desc == null) {
            int space = remainder.indexOf(' ');
            desc = space < 0 ? remainder : remainder.substring(0, space);
        }
        String rest = remainder.length() > desc.length() ? remainder.substring(desc.length() + 1) : "";
        return Optional.of(new TocEntry(Integer.parseInt(matcher.group(1)), Long.parseLong(matcher.group(2)),
                Long.parseLong(matcher.group(3)), desc, rest, line));
    }

    public DumpEntryKind kind() {
        return DumpEntryKind.of(desc);
    }

    public boolean is(DumpEntryKind kind) {
        return kind() == kind;
    }

    /** The schema field ("-" when the object has none). */
    public String schema() {
        int space = rest.indexOf(' ');
        return space < 0 ? rest : rest.substring(0, space);
    }

    /** Schema and tag without the trailing owner, for messages: "public people_pkey". */
    public String label() {
        if (rest.endsWith(" ")) {
            return rest.substring(0, rest.length() - 1); // no owner (extensions have none)
        }
        int lastSpace = rest.lastIndexOf(' ');
        return lastSpace > 0 ? rest.substring(0, lastSpace) : rest;
    }
}
