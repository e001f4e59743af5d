package io.neontwin.reversetwin;

/**
 * What a risky statement does to a live production database, and the safer way. The codes are stable: reports and
 * scripts use them; docs/migration-hazards.md lists them and is kept equal to this enum by a test.
 */
public enum HazardKind {
    INDEX_WITHOUT_CONCURRENTLY("index-without-concurrently",
            "Builds the index under a SHARE lock: every INSERT, UPDATE and DELETE on the table waits until the build"
                    + " ends, minutes or more on a large table.",
            "Build it with CREATE INDEX CONCURRENTLY in a migration of its own: writes go on meanwhile, and a failed"
                    + " build leaves only an invalid index to drop."),
    TABLE_REWRITE("table-rewrite",
            "Rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock that blocks every read and write"
                    + " until it ends (a column type change may skip the rewrite when the types are binary-compatible,"
                    + " such as varchar(20) to text).",
            "Add a new column and backfill it in batches rather than changing a type or adding a volatile default,"
                    + " then switch to it in a later migration; instead of VACUUM FULL or CLUSTER, use pg_repack."),
    FULL_SCAN_UNDER_LOCK("full-scan-under-lock",
            "Reads every row to check the new constraint while holding a lock that blocks writes to the table (and"
                    + " for most constraints reads too) until the scan ends; PRIMARY KEY and UNIQUE also build their"
                    + " index meanwhile.",
            "Add CHECK and FOREIGN KEY constraints NOT VALID and VALIDATE CONSTRAINT them in a later migration; build"
                    + " a unique index CONCURRENTLY and add the constraint USING INDEX; before SET NOT NULL, validate a"
                    + " CHECK (column IS NOT NULL) so that PostgreSQL 12+ skips the scan."),
    DATA_LOSS("data-loss",
            "Deletes or overwrites data for good, and code still using it fails; an UPDATE of every row also rewrites"
                    + " each row and keeps all of them locked until the migration commits.",
            "Stop using the data in the application and back it up first, then drop it in a later migration; update"
                    + " or delete in batches, each with a WHERE clause."),
    BREAKING_RENAME("breaking-rename",
            "The application still running uses the old name and fails from the moment the migration commits until"
                    + " code that uses the new name is deployed.",
            "Add the new name alongside the old one (a new column kept in sync, or a view under the old name), deploy"
                    + " code that uses it, then drop the old name in a later migration."),
    EXCLUSIVE_LOCK("exclusive-lock",
            "Takes a lock that blocks reads or writes of the table or view until the statement ends or, for LOCK"
                    + " TABLE, until the migration commits.",
            "Use REFRESH MATERIALIZED VIEW CONCURRENTLY (it needs a unique index) or REINDEX ... CONCURRENTLY; leave"
                    + " explicit LOCK TABLE out of migrations.");

    private final String code;
    private final String risk;
    private final String advice;

    HazardKind(String code, String risk, String advice) {
        this.code = code;
        this.risk = risk;
        this.advice = advice;
    }

    /** The stable code reports carry: "index-without-concurrently". */
    public String code() {
        return code;
    }

    /** One sentence: what the statement does to production while it runs. */
    public String risk() {
        return risk;
    }

    /** One sentence: the safer way. */
    public String advice() {
        return advice;
    }
}
