package io.neontwin.twin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which of production's tables and views the twin gets, from --schema, --exclude-schema, --table and --exclude-table
 * (pg_dump's pattern rules). The engine decides, not pg_dump's -t and -n: those leave out the types, domains and
 * functions a chosen table uses, and the restore would fail. So pg_dump is told only what to leave out (-T for each
 * relation not chosen, -N for excluded schemas), and everything a chosen table needs comes along wherever it lives.
 * A table and its inheritance or partition tree go together: choosing a parent brings its children, and a child its parents.
 */
final class RelationSelection {
    /** A user relation: table (r), partitioned table (p), foreign table (f), view (v) or materialized view (m). */
    record Candidate(long oid, String schema, String name, char kind, List<Long> parents, boolean readable) {
        String displayName() {
            return schema + "." + name;
        }

        /** A pg_dump pattern that matches exactly this relation, whatever its name holds. */
        String exactPattern() {
            return quote(schema) + "." + quote(name);
        }

        private static String quote(String identifier) {
            return "\"" + identifier.replace("\"", "\"\"") + "\"";
        }
    }

    private final List<Candidate> chosen = new ArrayList<>();
    private final List<Candidate> leftOut = new ArrayList<>();
    private final List<String> excludedSchemas;

    private RelationSelection(List<String> excludedSchemas) {
        this.excludedSchemas = excludedSchemas;
    }

    static RelationSelection choose(List<Candidate> candidates, TwinOptions options) {
        RelationSelection selection = new RelationSelection(options.excludeSchemas());
        List<NamePattern> tables = options.tables().stream().map(NamePattern::parse).toList();
        List<NamePattern> excludedTables = options.excludeTables().stream().map(NamePattern::parse).toList();
        Map<Long, Candidate> byOid = new HashMap<>();
        candidates.forEach(c -> byOid.put(c.oid(), c));
        Set<Long> picked = new HashSet<>();
        for (Candidate candidate : candidates) {
            boolean inSchema = SchemaFilter.selected(candidate.schema(), options.schemas(), options.excludeSchemas());
            boolean named = tables.isEmpty() || tables.stream().anyMatch(p -> p.matches(candidate.schema(), candidate.name()));
            if (inSchema && named) {
                picked.add(candidate.oid());
            }
        }
        keepTreesWhole(picked, byOid);
        for (Candidate candidate : candidates) {
            boolean excluded = !SchemaFilter.selected(candidate.schema(), List.of(), options.excludeSchemas())
                    || excludedTables.stream().anyMatch(p -> p.matches(candidate.schema(), candidate.name()));
            (picked.contains(candidate.oid()) && !excluded ? selection.chosen : selection.leftOut).add(candidate);
        }
        return selection;
    }

    /** A partition or inheritance child goes with its parents, and a parent with all its children. */
    private static void keepTreesWhole(Set<Long> picked, Map<Long, Candidate> byOid) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Candidate candidate : byOid.values()) {
                boolean parentPicked = candidate.parents().stream().anyMatch(picked::contains);
                if (parentPicked && picked.add(candidate.oid())) {
                    grew = true;
                }
                if (picked.contains(candidate.oid())) {
                    for (long parent : candidate.parents()) {
                        if (byOid.containsKey(parent) && picked.add(parent)) {
                            grew = true;
                        }
                    }
                }
            }
        }
    }

    List<Candidate> chosen() {
        return chosen;
    }

    List<Candidate> leftOut() {
        return leftOut;
    }

    /** Chosen relations the production role may not read: pg_dump and COPY would fail on them. */
    List<String> unreadable() {
        return chosen.stream().filter(c -> !c.readable()).map(Candidate::displayName).toList();
    }

    /** pg_dump arguments that leave out what was not chosen (and nothing else). */
    List<String> pgDumpArguments() {
        List<String> arguments = new ArrayList<>();
        excludedSchemas.forEach(schema -> arguments.add("--exclude-schema=" + schema));
        for (Candidate candidate : leftOut) {
            if (SchemaFilter.selected(candidate.schema(), List.of(), excludedSchemas)) {
                arguments.add("--exclude-table=" + candidate.exactPattern());
            }
        }
        return arguments;
    }
}
