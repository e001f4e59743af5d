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
 * @param copyFormat        binary COPY where safe, or text everywhere (the benchmark's comparison)
 * @param privacy           the rules file (subsets, masking, strict mode) and the masking key; {@link PrivacySettings#NONE} without
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
        List<Path> pgBinDirs,
        CopyFormat copyFormat,
        PrivacySettings privacy) {

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
                VerifyMode.COUNTS, false, false, List.of(), CopyFormat.AUTO, PrivacySettings.NONE);
    }

    // Each with* changes one thing through the one copy below: a field added to the record is added to the builder only.
    public TwinOptions withJobs(int newJobs) {
        return toBuilder().jobs(newJobs).build();
    }

    public TwinOptions withVerify(VerifyMode mode) {
        return toBuilder().verify(mode).build();
    }

    public TwinOptions withDryRun(boolean value) {
        return toBuilder().dryRun(value).build();
    }

    public TwinOptions withForce(boolean value) {
        return toBuilder().force(value).build();
    }

    public TwinOptions withPrivacy(PrivacySettings value) {
        return toBuilder().privacy(value).build();
    }

    public TwinOptions withPgBinDirs(List<Path> dirs) {
        return toBuilder().pgBinDirs(dirs).build();
    }

    public TwinOptions withFilters(List<String> newSchemas, List<String> newExcludeSchemas, List<String> newTables,
                                   List<String> newExcludeTables, List<String> newExcludeTableData) {
        return toBuilder().schemas(newSchemas).excludeSchemas(newExcludeSchemas).tables(newTables)
                .excludeTables(newExcludeTables).excludeTableData(newExcludeTableData).build();
    }

    /** A builder holding these options: change what differs, then build. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The one copy of the record's fields outside the record itself. */
    public static final class Builder {
        private ConnectionSpec production;
        private ConnectionSpec twin;
        private int jobs;
        private List<String> schemas;
        private List<String> excludeSchemas;
        private List<String> tables;
        private List<String> excludeTables;
        private List<String> excludeTableData;
        private VerifyMode verify;
        private boolean dryRun;
        private boolean force;
        private List<Path> pgBinDirs;
        private CopyFormat copyFormat;
        private PrivacySettings privacy;

        private Builder(TwinOptions from) {
            production = from.production;
            twin = from.twin;
            jobs = from.jobs;
            schemas = from.schemas;
            excludeSchemas = from.excludeSchemas;
            tables = from.tables;
            excludeTables = from.excludeTables;
            excludeTableData = from.excludeTableData;
            verify = from.verify;
            dryRun = from.dryRun;
            force = from.force;
            pgBinDirs = from.pgBinDirs;
            copyFormat = from.copyFormat;
            privacy = from.privacy;
        }

        public Builder jobs(int value) {
            jobs = value;
            return this;
        }

        public Builder schemas(List<String> value) {
            schemas = value;
            return this;
        }

        public Builder excludeSchemas(List<String> value) {
            excludeSchemas = value;
            return this;
        }

        public Builder tables(List<String> value) {
            tables = value;
            return this;
        }

        public Builder excludeTables(List<String> value) {
            excludeTables = value;
            return this;
        }

        public Builder excludeTableData(List<String> value) {
            excludeTableData = value;
            return this;
        }

        public Builder verify(VerifyMode value) {
            verify = value;
            return this;
        }

        public Builder dryRun(boolean value) {
            dryRun = value;
            return this;
        }

        public Builder force(boolean value) {
            force = value;
            return this;
        }

        public Builder pgBinDirs(List<Path> value) {
            pgBinDirs = value;
            return this;
        }

        public Builder copyFormat(CopyFormat value) {
            copyFormat = value;
            return this;
        }

        public Builder privacy(PrivacySettings value) {
            privacy = value;
            return this;
        }

        public TwinOptions build() {
            return new TwinOptions(production, twin, jobs, schemas, excludeSchemas, tables, excludeTables, excludeTableData,
                    verify, dryRun, force, pgBinDirs, copyFormat, privacy);
        }
    }
}
