package io.neontwin.reversetwin;

import io.neontwin.errors.ExitCode;
import io.neontwin.neon.FakeNeonApi;
import io.neontwin.neon.NeonRehearsalBranches;
import io.neontwin.neon.NeonSettings;
import io.neontwin.action.JobSummary;
import io.neontwin.report.MigrationReport;
import io.neontwin.report.ReportJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.neontwin.reversetwin.ReverseTwinFixtures.failure;
import static io.neontwin.reversetwin.ReverseTwinFixtures.rehearsals;
import static io.neontwin.reversetwin.ReverseTwinFixtures.statuses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rehearse-on: branch. The reverse twin creates an expiring branch of the twin in Neon (the fake API), connects to
 * its compute (the fake points it at the twin's embedded server, under another host name), commits every migration
 * there exactly as on production, times each statement, and deletes the branch, also when the rehearsal fails.
 */
class RehearsalOnBranchTest {
    private static final Instant NOW = Instant.parse("2026-11-30T04:00:00Z");

    @TempDir
    Path folder;
    private FakeNeonApi neon;
    private ReverseTwinFixtures.Pair pair;
    private NeonRehearsalBranches branches;

    @BeforeEach
    void neonProjectWithTheTwinBranch() throws Exception {
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.endpoint("ep-twin-1", "br-twin-1");
        pair = ReverseTwinFixtures.pair(folder);
        // the same server under another name: what the rehearsal commits shows on the twin's database, which the
        // default rehearsal (rolled back) never changes
        neon.createdComputeHost = "localhost".equals(pair.twinServer.host()) ? "127.0.0.1" : "localhost";
        NeonSettings settings = NeonSettings.of(new NeonSettings.InputNames("neon-api-key", "neon-project-id"), FakeNeonApi.KEY,
                FakeNeonApi.PROJECT, "twin", List.of(), false, neon.baseUrl()).orElseThrow();
        branches = new NeonRehearsalBranches(settings.client(), settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeFake() throws Exception {
        neon.close();
    }

    @Test
    void commitsEveryMigrationOnAnExpiringBranchOfTheTwinThenDeletesIt() {
        pair.write("V1__mood.sql", "CREATE TYPE mood AS ENUM ('calm');\nALTER TYPE mood ADD VALUE 'glad';")
                .write("V2__use_mood.sql", "CREATE TABLE moods (id int PRIMARY KEY, m mood NOT NULL DEFAULT 'glad');")
                .write("V3__index.sql", "CREATE INDEX CONCURRENTLY accounts_balance_idx ON accounts (balance);");

        ReverseTwinResult result = pair.run(pair.options().withRehearsalBranches(branches));

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(List.of("1 passed", "2 passed", "3 passed"), rehearsals(result));
        assertEquals(List.of("1 applied", "2 applied", "3 applied"), statuses(result));
        List<String> creates = neon.requestsMatching("POST /branches");
        assertEquals(1, creates.size(), neon.requests::toString);
        assertTrue(neon.violations.isEmpty(), neon.violations::toString);
        String created = neon.received.stream().filter(body -> body.contains("neon-twin-rehearsal-")).findFirst().orElseThrow();
        assertTrue(created.contains("\"parent_id\":\"br-twin-1\""), created);
        assertTrue(created.contains("\"expires_at\":\"" + NOW.plus(NeonRehearsalBranches.LIFETIME) + "\""), created);
        assertEquals(1, neon.requestsMatching("DELETE /branches/br-created-.*").size(),
                neon.requests::toString);
        assertEquals(List.of("br-main-1", "br-twin-1"), neon.branchIds());
        // committed where the branch's endpoint points, the concurrent build included (a rolled-back rehearsal skips it)
        assertTrue(pair.onTwin("accounts_balance_idx"), "the concurrent index was built on the branch");
        assertTrue(pair.onTwin("moods"), "the enum value was used after its migration committed");
        assertFalse(pair.infos.stream().anyMatch(info -> info.contains("is not rehearsed")), pair.infos::toString);
        assertTrue(pair.infos.stream().anyMatch(info -> info.matches("\\s*V3 V3__index.sql:1 CREATE INDEX CONCURRENTLY.*: \\d+\\.\\d{3} s")),
                pair.infos::toString);
        MigrationReport v3 = result.report().migrations().get(2);
        assertEquals(1, v3.statementTimes().size());
        assertEquals(1, v3.statementTimes().getFirst().line());
        assertTrue(v3.statementTimes().getFirst().statement().startsWith("CREATE INDEX CONCURRENTLY"), v3.toString());
        String summary = JobSummary.render(result.report(), "neon-twin-report.json", "migrations");
        assertTrue(summary.contains("### Statement times in the rehearsal on a branch of the twin"), summary);
        assertTrue(summary.matches("(?s).*\\| `V3__index.sql:1` \\| `CREATE INDEX CONCURRENTLY[^|]*` \\| [0-9.]+ s \\|.*"), summary);
        assertNoKey(result);
    }

    @Test
    void theDefaultRehearsalOnTheTwinReportsNoStatementTimes() {
        pair.write("V1__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);");

        ReverseTwinResult result = pair.run();

        assertEquals(ExitCode.OK, result.exitCode(), () -> failure(result));
        assertEquals(null, result.report().migrations().getFirst().statementTimes());
        assertFalse(ReportJson.toJson(result.report()).contains("statementTimes"), "left out of the JSON");
        assertFalse(JobSummary.render(result.report(), "r.json", "migrations").contains("Statement times"));
        assertTrue(neon.requests.isEmpty(), "Neon is not called");
    }

    @Test
    void aFailedRehearsalStillDeletesTheBranchAndLeavesProductionUntouched() {
        pair.write("V1__orders.sql", "CREATE TABLE orders (id int PRIMARY KEY);")
                .write("V2__broken.sql", "ALTER TABLE no_such_table ADD COLUMN x int;");

        ReverseTwinResult result = pair.run(pair.options().withRehearsalBranches(branches));

        assertEquals(ExitCode.MIGRATION_FAILED, result.exitCode());
        assertTrue(failure(result).contains("failed in its rehearsal on the rehearsal branch neon-twin-rehearsal-"), failure(result));
        assertEquals(List.of("1 passed", "2 failed"), rehearsals(result));
        assertFalse(pair.onProduction("orders"), "production was not touched");
        assertEquals(1, neon.requestsMatching("DELETE /branches/br-created-.*").size(),
                neon.requests::toString);
        assertEquals(List.of("br-main-1", "br-twin-1"), neon.branchIds());
        assertNoKey(result);
    }

    private void assertNoKey(ReverseTwinResult result) {
        String everything = String.join("\n", pair.infos) + "\n" + ReportJson.toJson(result.report());
        assertFalse(everything.contains(FakeNeonApi.KEY), "the API key never reaches output or report");
    }
}
