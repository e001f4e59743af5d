package io.neontwin.report;

/**
 * One migration production lacked at the start of the run.
 *
 * @param version          the version from the file name (V12__add_index.sql: "12")
 * @param description      the rest of the file name, underscores as spaces ("add index")
 * @param file             the file's path relative to the migrations folder
 * @param checksum         SHA-256 of the file's bytes, hex; what production's history records
 * @param transactional    false when the migration holds a statement PostgreSQL refuses inside a transaction
 *                         (CREATE INDEX CONCURRENTLY, ...): it then runs statement by statement
 * @param statements       how many SQL statements it holds
 * @param rehearsal        how its rehearsal on the twin went
 * @param rehearsalSeconds its duration in the rehearsal; null when not rehearsed
 * @param status           applied, pending (not applied: a dry run, or the run stopped before it) or failed
 * @param applySeconds     its duration on production; null when not applied
 * @param statementTimes   each statement's duration in a rehearsal on a branch (rehearse-on: branch), in file order, up
 *                         to the one that failed; null (left out of the JSON) when rehearsed on the twin, rolled back
 */
public record MigrationReport(String version, String description, String file, String checksum, boolean transactional,
                              int statements, RehearsalOutcome rehearsal, Double rehearsalSeconds, MigrationStatus status,
                              Double applySeconds,
                              @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                              java.util.List<StatementTiming> statementTimes) {

    /** Rehearsed on the twin (rolled back): no statement times. */
    public MigrationReport(String version, String description, String file, String checksum, boolean transactional,
                           int statements, RehearsalOutcome rehearsal, Double rehearsalSeconds, MigrationStatus status,
                           Double applySeconds) {
        this(version, description, file, checksum, transactional, statements, rehearsal, rehearsalSeconds, status,
                applySeconds, null);
    }
}
