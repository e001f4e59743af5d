package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The migrations folder compared with production's history: which migrations are pending, which are marked applied
 * by a baseline, and whether the two disagree in a way that must stop the run (an applied file changed since, a
 * migration that failed part-way, a pending version below the latest applied one).
 *
 * @param appliedBefore how many rows production's history held
 * @param pending       the migrations to apply, in version order
 * @param baselined     the migrations to record as applied without running them (--baseline-version on an empty history)
 * @param warnings      what the user should know but does not stop the run
 */
record MigrationPlan(int appliedBefore, List<Migration> pending, List<Migration> baselined, List<String> warnings) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * @param files           the migrations folder, sorted by version
     * @param history         production's history rows
     * @param historyTable    the history table's name, for sentences
     * @param baselineVersion --baseline-version, or null
     * @param outOfOrder      whether a pending version may be lower than the latest applied one
     * @throws UserError MIGRATIONS_INVALID when the folder and the history disagree
     */
    static MigrationPlan of(List<Migration> files, List<MigrationHistory.Row> history, String historyTable,
                            String baselineVersion, boolean outOfOrder) {
        List<String> warnings = new ArrayList<>();
        Map<MigrationVersion, Migration> byVersion = new HashMap<>();
        files.forEach(m -> byVersion.put(m.version(), m));
        Map<MigrationVersion, MigrationHistory.Row> applied = new HashMap<>();
        MigrationVersion latestApplied = null;
        for (MigrationHistory.Row row : history) {
            applied.put(row.version(), row);
            if (!row.success()) {
                throw new UserError(ExitCode.MIGRATIONS_INVALID, "Production's history (" + historyTable + ") records V"
                        + row.version() + " (" + row.file() + ") as failed part-way" + when(row) + ": it ran outside a transaction, "
                        + "so the statements before the failing one stayed on production; finish or undo it by hand on "
                        + "production, then delete that row (DELETE FROM " + historyTable + " WHERE version = '" + row.version()
                        + "') and run again.");
            }
            if (latestApplied == null || row.version().compareTo(latestApplied) > 0) {
                latestApplied = row.version();
            }
        }
        for (MigrationHistory.Row row : history) {
            Migration file = byVersion.get(row.version());
            if (file == null && !row.baseline()) {
                warnings.add("V" + row.version() + " (" + row.file() + ") is recorded as applied to production but has no file in "
                        + "the migrations folder (archived or deleted?)");
            } else if (file != null && row.checksum() != null && !row.checksum().equalsIgnoreCase(file.checksum())) {
                throw new UserError(ExitCode.MIGRATIONS_INVALID, "V" + row.version() + " (" + file.file() + ") was "
                        + (row.baseline() ? "marked applied (baseline)" : "applied") + " to production" + when(row)
                        + " but its file has changed since (checksum " + abbreviate(row.checksum()) + " then, "
                        + abbreviate(file.checksum()) + " now); restore the file as applied and put the change in a new migration.");
            }
        }

        List<Migration> baselined = new ArrayList<>();
        Optional<MigrationVersion> baseline = baseline(baselineVersion);
        if (baseline.isPresent() && !history.isEmpty()) {
            warnings.add("--baseline-version " + baseline.get() + " is ignored: production's history already records "
                    + history.size() + " migration(s)");
        }
        // A baseline row (Flyway's 'flyway baseline', or --baseline-version) says production already holds every
        // version up to it: files at or below it are not pending, as Flyway reads its own baseline.
        Optional<MigrationVersion> recordedBaseline = MigrationHistory.baselineOf(history);
        List<Migration> pending = new ArrayList<>();
        for (Migration migration : files) {
            if (applied.containsKey(migration.version())) {
                continue;
            }
            if (recordedBaseline.isPresent() && migration.version().compareTo(recordedBaseline.get()) <= 0) {
                // said, not silent: a file added below the baseline later is never run, as Flyway treats it
                warnings.add("V" + migration.version() + " (" + migration.file() + ") is at or below production's baseline V"
                        + recordedBaseline.get() + " and is not applied: production is taken to hold it already");
                continue;
            }
            if (baseline.isPresent() && history.isEmpty() && migration.version().compareTo(baseline.get()) <= 0) {
                baselined.add(migration);
            } else {
                pending.add(migration);
            }
        }
        if (latestApplied != null) {
            for (Migration migration : pending) {
                if (migration.version().compareTo(latestApplied) < 0) {
                    if (!outOfOrder) {
                        throw new UserError(ExitCode.MIGRATIONS_INVALID, "V" + migration.version() + " (" + migration.file()
                                + ") is pending but production already has V" + latestApplied + ", a later version; give it a "
                                + "version above " + latestApplied + ", or pass --out-of-order (input out-of-order) to apply it anyway.");
                    }
                    warnings.add("V" + migration.version() + " (" + migration.file() + ") is applied out of order: production "
                            + "already has V" + latestApplied);
                }
            }
        }
        refuseTransactionControl(pending);
        return new MigrationPlan(history.size(), List.copyOf(pending), List.copyOf(baselined), List.copyOf(warnings));
    }

    /**
     * The run controls each migration's transaction (and the rehearsal must end in ROLLBACK): a COMMIT or ROLLBACK
     * inside a file would commit half a migration on production, or the rehearsal on the twin. The folder already
     * refuses these; checked again here because the twin's safety depends on it.
     */
    private static void refuseTransactionControl(List<Migration> migrations) {
        for (Migration migration : migrations) {
            for (SqlStatement statement : migration.statements()) {
                if (StatementKind.of(statement).isTransactionControl()) {
                    throw new UserError(ExitCode.MIGRATIONS_INVALID, migration.file() + ":" + statement.firstLine() + " holds "
                            + StatementExcerpt.of(statement.sql()) + ", but neon-twin runs each migration in its own transaction "
                            + "(and rolls the rehearsal back); remove it, or split the file into two migrations.");
                }
            }
        }
    }

    private static Optional<MigrationVersion> baseline(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(MigrationVersion.parse(text.strip().replaceFirst("^[Vv]", "")));
        } catch (IllegalArgumentException notAVersion) {
            throw new UserError(ExitCode.INVALID_INPUT, "--baseline-version (input baseline-version) '" + text
                    + "' is not a migration version; give it as in the file names, e.g. 3 or 1.2.");
        }
    }

    private static String when(MigrationHistory.Row row) {
        return row.installedAt() == null ? "" : " on " + DATE.format(row.installedAt());
    }

    private static String abbreviate(String checksum) {
        return checksum == null || checksum.length() <= 12 ? String.valueOf(checksum) : checksum.substring(0, 12) + "…";
    }
}
