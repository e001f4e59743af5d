package io.neontwin.twin;

import io.neontwin.pgclient.PgClient;
import io.neontwin.pgclient.PgProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One section of the schema archive as SQL (pg_restore -f), with the kept TOC entries only, made fit for the twin's
 * server: a newer pg_dump writes settings an older server does not know (PostgreSQL 17's transaction_timeout), which
 * is why the engine does not let pg_restore talk to the twin directly.
 */
final class RestoreScript {
    private static final Pattern ENTRY_HEADER = Pattern.compile("^-- TOC entry (\\d+) \\(class (\\d+) OID (\\d+)\\)$");
    private static final Pattern DEPENDENCIES = Pattern.compile("^-- Dependencies: ([\\d ]+)$");

    /** One TOC entry's SQL, and the dump ids it depends on. */
    record Statement(int dumpId, List<Integer> dependencies, String sql) {
    }

    private final List<String> preamble;
    private final List<Statement> statements;
    private final String text;

    private RestoreScript(List<String> preamble, List<Statement> statements, String text) {
        this.preamble = preamble;
        this.statements = statements;
        this.text = text;
    }

    static RestoreScript render(PgClient client, SchemaDump dump, List<TocEntry> kept, String section, int twinMajor, WorkFolder work) {
        try {
            Path list = work.sectionList(section);
            List<String> lines = new ArrayList<>();
            kept.forEach(entry -> lines.add(entry.line()));
            Files.write(list, lines, StandardCharsets.UTF_8);
            Path sql = work.sectionScript(section);
            PgProcess.run(client.pgRestore(), List.of("--verbose", "--section=" + section, "--no-owner", "--no-acl",
                    "--no-tablespaces", "--use-list=" + list, "--file=-", dump.archive().toString()), Map.of(), sql);
            String text = fitForServer(Files.readString(sql, StandardCharsets.UTF_8), twinMajor);
            Files.writeString(sql, text, StandardCharsets.UTF_8);
            return parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes settings the target server does not know. */
    static String fitForServer(String sql, int twinMajor) {
        if (twinMajor >= 17) {
            return sql;
        }
        return sql.replaceAll("(?m)^SET transaction_timeout = 0;\\n", "");
    }

    static RestoreScript parse(String text) {
        List<String> preamble = new ArrayList<>();
        List<Statement> statements = new ArrayList<>();
        int dumpId = -1;
        List<Integer> dependencies = List.of();
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            Matcher header = ENTRY_HEADER.matcher(line);
            if (header.matches()) {
                if (dumpId >= 0) {
                    statements.add(new Statement(dumpId, dependencies, body.toString().strip()));
                }
                dumpId = Integer.parseInt(header.group(1));
                dependencies = List.of();
                body.setLength(0);
                continue;
            }
            Matcher deps = DEPENDENCIES.matcher(line);
            if (dumpId >= 0 && deps.matches()) {
                dependencies = java.util.Arrays.stream(deps.group(1).trim().split("\\s+")).map(Integer::parseInt).toList();
                continue;
            }
            if (line.startsWith("\\")) {
                continue; // psql meta-commands (\restrict) mean nothing to a JDBC session
            }
            if (line.startsWith("--")) {
                continue;
            }
            if (dumpId < 0) {
                if (!line.isBlank()) {
                    preamble.add(line);
                }
            } else {
                body.append(line).append('\n');
            }
        }
        if (dumpId >= 0) {
            statements.add(new Statement(dumpId, dependencies, body.toString().strip()));
        }
        return new RestoreScript(List.copyOf(preamble), statements, text);
    }

    /** The session settings every connection running these statements needs (search_path, check_function_bodies ...). */
    List<String> preamble() {
        return preamble;
    }

    List<Statement> statements() {
        return statements;
    }

    String text() {
        return text;
    }

    /**
     * Two scripts are the same work when they run the same statements after the same preamble (the text itself
     * differs between two renderings: pg_restore writes a new random \restrict key each time).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof RestoreScript script && script.preamble.equals(preamble) && script.statements.equals(statements);
    }

    @Override
    public int hashCode() {
        return statements.hashCode();
    }
}
