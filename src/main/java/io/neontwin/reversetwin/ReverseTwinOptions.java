package io.neontwin.reversetwin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.run.RehearsalBranches;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a reverse-twin run needs, already validated. The CLI and the GitHub adapter each build one.
 *
 * @param production       the database migrated
 * @param twin             the database the migrations are rehearsed on first (in a transaction rolled back)
 * @param migrationsDir    the folder of migration files (V&lt;version&gt;__&lt;description&gt;.sql)
 * @param historyTable     production's record of applied migrations, schema-qualified; created on first apply
 * @param lockTimeout      how long any statement may wait for a lock on production before it gives up
 * @param statementTimeout how long any one statement may run on production (and in the rehearsal)
 * @param lockRetries      how many more times a migration that gave up waiting for a lock is tried again
 * @param dryRun           plan and rehearse only: production is not written
 * @param outOfOrder       allow a pending migration whose version is lower than production's latest
 * @param baselineVersion  when production has no history yet: record migrations up to this version as already
 *                         applied (without running them); null for none
 * @param force            rehearse on a twin of another production (its marker names another)
 * @param rehearsalBranches where to rehearse with every migration committed and timed (rehearse-on: branch, a
 *                         throwaway Neon branch of the twin); null to rehearse on the twin in a transaction rolled back
 */
public record ReverseTwinOptions(
        ConnectionSpec production,
        ConnectionSpec twin,
        Path migrationsDir,
        String historyTable,
        Duration lockTimeout,
        Duration statementTimeout,
        int lockRetries,
        boolean dryRun,
        boolean outOfOrder,
        String baselineVersion,
        boolean force,
        RehearsalBranches rehearsalBranches) {

    /** Rehearsing on the twin, in a transaction rolled back (the default). */
    public ReverseTwinOptions(ConnectionSpec production, ConnectionSpec twin, Path migrationsDir, String historyTable,
                              Duration lockTimeout, Duration statementTimeout, int lockRetries, boolean dryRun,
                              boolean outOfOrder, String baselineVersion, boolean force) {
        this(production, twin, migrationsDir, historyTable, lockTimeout, statementTimeout, lockRetries, dryRun, outOfOrder,
                baselineVersion, force, null);
    }

    public static final String DEFAULT_HISTORY_TABLE = "neon_twin.schema_migrations";
    public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofMinutes(15);
    public static final int DEFAULT_LOCK_RETRIES = 3;

    /** The defaults: apply for real, history in neon_twin.schema_migrations, 5 s lock and 15 min statement timeouts. */
    public static ReverseTwinOptions of(ConnectionSpec production, ConnectionSpec twin, Path migrationsDir) {
        return new ReverseTwinOptions(production, twin, migrationsDir, DEFAULT_HISTORY_TABLE, DEFAULT_LOCK_TIMEOUT,
                DEFAULT_STATEMENT_TIMEOUT, DEFAULT_LOCK_RETRIES, false, false, null, false);
    }

    public ReverseTwinOptions withDryRun(boolean value) {
        return new ReverseTwinOptions(production, twin, migrationsDir, historyTable, lockTimeout, statementTimeout,
                lockRetries, value, outOfOrder, baselineVersion, force, rehearsalBranches);
    }

    /** @param branches where to rehearse with every migration committed (rehearse-on: branch); null for the twin */
    public ReverseTwinOptions withRehearsalBranches(RehearsalBranches branches) {
        return new ReverseTwinOptions(production, twin, migrationsDir, historyTable, lockTimeout, statementTimeout,
                lockRetries, dryRun, outOfOrder, baselineVersion, force, branches);
    }
}
