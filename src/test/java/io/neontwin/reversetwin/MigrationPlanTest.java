package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folder against production's history: what is pending, and which disagreements stop the run. */
class MigrationPlanTest {
    private static final String TABLE = "neon_twin.schema_migrations";
    private static final Instant APPLIED_AT = Instant.parse("2026-11-20T09:30:00Z");

    private static Migration migration(String version) {
        String file = "V" + version + "__step.sql";
        return new Migration(MigrationVersion.parse(version), "step", file, "SELECT 1;", "sum" + version,
                List.of(new SqlStatement("SELECT 1", 1, 0)), true);
    }

    private static MigrationHistory.Row applied(String version, String checksum, boolean success) {
        return new MigrationHistory.Row(MigrationVersion.parse(version), "step", "V" + version + "__step.sql", checksum,
                APPLIED_AT, "app", 12, success);
    }

    private static List<String> versions(List<Migration> migrations) {
        return migrations.stream().map(m -> m.version().toString()).toList();
    }

    @Test
    void pendingAreTheFilesTheHistoryLacksInVersionOrder() {
        MigrationPlan plan = MigrationPlan.of(List.of(migration("1"), migration("2"), migration("10")),
                List.of(applied("1", "sum1", true)), TABLE, null, false);

        assertEquals(List.of("2", "10"), versions(plan.pending()));
        assertEquals(1, plan.appliedBefore());
        assertEquals(List.of(), plan.warnings());
    }

    @Test
    void aFileBelowTheRecordedBaselineIsNotAppliedAndSaysSo() {
        MigrationHistory.Row baseline = new MigrationHistory.Row(MigrationVersion.parse("5"), MigrationHistory.BASELINE_MARK + "existing",
                null, null, APPLIED_AT, "app", 0, true);

        MigrationPlan plan = MigrationPlan.of(List.of(migration("3"), migration("6")), List.of(baseline), TABLE, null, false);

        assertEquals(List.of("6"), versions(plan.pending()));
        assertEquals(1, plan.warnings().size(), () -> String.valueOf(plan.warnings()));
        assertTrue(plan.warnings().get(0).startsWith("V3 (V3__step.sql) is at or below production's baseline V5 and is not applied"),
                plan.warnings().get(0));
    }

    @Test
    void anAppliedVersionWithoutItsFileIsOnlyAWarning() {
        MigrationPlan plan = MigrationPlan.of(List.of(migration("2")), List.of(applied("1", "old", true)), TABLE, null, false);

        assertEquals(List.of("2"), versions(plan.pending()));
        assertEquals(1, plan.warnings().size());
        assertTrue(plan.warnings().get(0).contains("V1 (V1__step.sql) is recorded as applied"), plan.warnings().get(0));
    }

    @Test
    void aChangedFileNamesTheVersionTheDateAndTheFix() {
        UserError error = assertThrows(UserError.class, () -> MigrationPlan.of(List.of(migration("1")),
                List.of(applied("1", "different", true)), TABLE, null, false));

        assertEquals(ExitCode.MIGRATIONS_INVALID, error.exitCode());
        assertTrue(error.getMessage().startsWith("V1 (V1__step.sql) was applied to production on 2026-11-20 09:30 UTC but its "
                + "file has changed since"), error.getMessage());
        assertTrue(error.getMessage().endsWith("restore the file as applied and put the change in a new migration."));
    }

    @Test
    void aMigrationRecordedAsFailedPartWayStopsEveryRunUntilItsRowIsDeleted() {
        UserError error = assertThrows(UserError.class, () -> MigrationPlan.of(List.of(migration("1"), migration("2")),
                List.of(applied("1", "sum1", false)), TABLE, null, false));

        assertEquals(ExitCode.MIGRATIONS_INVALID, error.exitCode());
        assertTrue(error.getMessage().contains("DELETE FROM neon_twin.schema_migrations WHERE version = '1'"), error.getMessage());
    }

    @Test
    void aBaselineOnAnEmptyHistoryMarksVersionsUpToItAppliedAndIsIgnoredOtherwise() {
        List<Migration> files = List.of(migration("1"), migration("1.5"), migration("2"), migration("3"));

        MigrationPlan first = MigrationPlan.of(files, List.of(), TABLE, "V2", false);
        assertEquals(List.of("1", "1.5", "2"), versions(first.baselined()));
        assertEquals(List.of("3"), versions(first.pending()));

        MigrationPlan later = MigrationPlan.of(files, List.of(applied("1", "sum1", true)), TABLE, "2", false);
        assertEquals(List.of(), later.baselined());
        assertEquals(List.of("1.5", "2", "3"), versions(later.pending()));
        assertTrue(later.warnings().get(0).contains("--baseline-version 2 is ignored"), later.warnings().toString());
    }

    @Test
    void aBaselineThatIsNotAVersionIsRefused() {
        UserError error = assertThrows(UserError.class, () -> MigrationPlan.of(List.of(migration("1")), List.of(), TABLE, "latest", false));

        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
    }

    @Test
    void aPendingVersionBelowTheLatestAppliedNeedsOutOfOrder() {
        List<Migration> files = List.of(migration("1"), migration("2"), migration("3"));
        List<MigrationHistory.Row> history = List.of(applied("1", "sum1", true), applied("3", "sum3", true));

        UserError error = assertThrows(UserError.class, () -> MigrationPlan.of(files, history, TABLE, null, false));
        assertEquals(ExitCode.MIGRATIONS_INVALID, error.exitCode());

        MigrationPlan allowed = MigrationPlan.of(files, history, TABLE, null, true);
        assertEquals(List.of("2"), versions(allowed.pending()));
        assertTrue(allowed.warnings().get(0).contains("out of order"), allowed.warnings().toString());
    }
}
