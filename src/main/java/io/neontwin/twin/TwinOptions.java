package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything a twin run needs, already validated. The CLI and the GitHub adapter each build one from their own inputs.
 *
 * @param jobs              parallel COPY streams and index builds
 * @param schemas           only these schemas (empty: all but system schemas)
 * @param excludeSchemas    never these schemas
 * @param tables            only these tables (pg_dump-style patterns: [schema.]name, '*' and '?' wildcards)
 * @param excludeTables     neither structure nor data of these tables
 * @param excludeTableData  structure but no rows of these tables
 * @param pgBinDirs         extra folders searched first for pg_dump/pg_restore
 */
public record TwinOptions(
        ConnectionSpec production,
        ConnectionSpec twin,
        int jobs,
        List<String> schemas,
        List<String> excludeSchemas,
        List<String> tables,
        List<String> excludeTables,
        List<String> excludeTableData,
        VerifyMode verify,
        boolean dryRun,
        boolean force,
        List<Path> pgBinDirs) {

    public static final int DEFAULT_JOBS = 4;

    public TwinOptions {
        schemas = List.copyOf(schemas);
        excludeSchemas = List.copyOf(excludeSchemas);
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
        excludeTableData = List.copyOf(excludeTableData);
        pgBinDirs = List.copyOf(pgBinDirs);
    }

    /** The minimal options: copy everything, verify row counts. */
    public static TwinOptions of(ConnectionSpec production, ConnectionSpec twin) {
        return new TwinOptions(production, twin, DEFAULT_JOBS, List.of(), List.of(), List.of(), List.of(), List.of(),
                VerifyMode.COUNTS, false, false, List.of());
    }

    public TwinOptions withJobs(int newJobs) {
        return new TwinOptions(production, twin, newJobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                verify, dryRun, force, pgBinDirs);
    }

    public TwinOptions withVerify(VerifyMode mode) {
        return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                mode, dryRun, force, pgBinDirs);
    }

    public TwinOptions withDryRun(boolean value) {
        return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                verify, value, force, pgBinDirs);
    }

    public TwinOptions withForce(boolean value) {
        return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                verify, dryRun, value, pgBinDirs);
    }

    public TwinOptions withPgBinDirs(List<Path> dirs) {
        return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                verify, dryRun, force, dirs);
    }

    public TwinOptions withFilters(List<String> newSchemas, List<String> newExcludeSchemas, List<String> newTables,
                                   List<String> newExcludeTables, List<String> newExcludeTableData) {
        return new TwinOptions(production, twin, jobs, newSchemas, newExcludeSchemas, newTables, newExcludeTables,
                newExcludeTableData, verify, dryRun, force, pgBinDirs);
    }
}
