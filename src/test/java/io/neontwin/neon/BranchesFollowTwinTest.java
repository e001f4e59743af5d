package io.neontwin.neon;

import io.neontwin.notify.RecordingSleeper;
import io.neontwin.report.BranchReset;
import io.neontwin.report.BranchResetResult;
import io.neontwin.report.NeonBranches;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * After a refresh the branches below the twin get the fresh data, parents first; what Neon will not reset (protected,
 * with children of its own) is reported with the reason and left as it was.
 *
 * <pre>
 * main ── twin (ep-twin-1) ── alice
 *     │                   ├── bob (protected)
 *     │                   ├── carol ── carol-feature
 *     │                   └── preview/42
 *     └── staging
 * </pre>
 */
class BranchesFollowTwinTest {
    private FakeNeonApi neon;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void project() throws Exception {
        Secrets.clearForTests();
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.branch("br-staging-1", "staging", "br-main-1");
        neon.branch("br-alice-1", "alice", "br-twin-1");
        neon.branch("br-bob-1", "bob", "br-twin-1").isProtected = true;
        neon.branch("br-carol-1", "carol", "br-twin-1");
        neon.branch("br-carol-feature-1", "carol-feature", "br-carol-1");
        neon.branch("br-preview-42", "preview/42", "br-twin-1");
        neon.endpoint("ep-main-1", "br-main-1");
        neon.endpoint("ep-twin-1", "br-twin-1");
        // the refresh: the twin branch now holds new data, its children still hold yesterday's
        neon.get("br-twin-1").data = "fresh";
    }

    @AfterEach
    void stop() throws Exception {
        neon.close();
        Secrets.clearForTests();
    }

    private NeonBranches follow(String twinBranch, List<String> patterns, String twinHost) {
        NeonSettings settings = NeonSettings.of(new NeonSettings.InputNames("neon-api-key", "neon-project-id"), FakeNeonApi.KEY,
                FakeNeonApi.PROJECT, twinBranch, patterns, false, neon.baseUrl()).orElseThrow();
        return new BranchesFollowTwin(s -> new NeonClient(s.baseUrl(), s.apiKey(), s.projectId(), NeonClientTest.POLICY,
                sleeper, Clock.systemUTC())).run(settings, twinHost, "prod.example.com");
    }

    private static Map<String, BranchResetResult> results(NeonBranches branches) {
        Map<String, BranchResetResult> results = new LinkedHashMap<>();
        branches.branches().forEach(branch -> results.put(branch.name(), branch.result()));
        return results;
    }

    @Test
    void childrenOfTheTwinFoundFromItsHostAreResetAndWhatNeonWillNotResetIsReportedWithTheReason() {
        NeonBranches result = follow(null, List.of(), FakeNeonApi.hostOf("ep-twin-1"));

        assertNull(result.error());
        assertEquals("twin", result.twinBranch());
        assertEquals(Map.of(
                "alice", BranchResetResult.RESET,
                "bob", BranchResetResult.SKIPPED_PROTECTED,
                "carol", BranchResetResult.SKIPPED_HAS_CHILDREN,
                "preview/42", BranchResetResult.RESET,
                "carol-feature", BranchResetResult.SKIPPED_PARENT_NOT_RESET), results(result));
        assertEquals("carol-feature", result.branches().get(result.branches().size() - 1).name(), "parents come before their children");
        assertEquals("fresh", neon.get("br-alice-1").data);
        assertEquals("fresh", neon.get("br-preview-42").data);
        assertEquals("root", neon.get("br-bob-1").data);
        assertEquals("root", neon.get("br-carol-1").data);
        assertEquals("root", neon.get("br-carol-feature-1").data);
        assertEquals("root", neon.get("br-staging-1").data, "a branch outside the twin's tree is never touched");
        assertEquals(List.of("POST /branches/br-alice-1/restore", "POST /branches/br-preview-42/restore"),
                neon.requestsMatching("POST .*"));
        assertEquals(2, result.resetCount());
        assertFalse(result.hasProblems());
        assertEquals(List.of(), neon.violations);
        BranchReset bob = result.branches().stream().filter(branch -> branch.name().equals("bob")).findFirst().orElseThrow();
        assertTrue(bob.reason().contains("protected"), bob.reason());
        assertEquals("twin", bob.parent());
    }

    @Test
    void thePooledHostAndTheBranchNameFindTheSameTwin() {
        assertEquals("twin", follow(null, List.of(), "ep-twin-1-pooler.us-east-2.aws.neon.tech").twinBranch());
        assertEquals("twin", follow("twin", List.of(), "somewhere.else").twinBranch());
        assertEquals("twin", follow("br-twin-1", List.of(), "somewhere.else").twinBranch());
    }

    @Test
    void onlyBranchesMatchingThePatternsAreReset() {
        NeonBranches result = follow(null, List.of("preview/*"), FakeNeonApi.hostOf("ep-twin-1"));
        assertEquals(Map.of("preview/42", BranchResetResult.RESET), results(result));
        assertEquals("root", neon.get("br-alice-1").data);
    }

    @Test
    void aBranchLockedPastTheRetriesIsBusyAndTheOthersAreStillReset() {
        neon.fail("POST", "/branches/br-alice-1/restore", 423, "1", 100);
        NeonBranches result = follow(null, List.of(), FakeNeonApi.hostOf("ep-twin-1"));
        assertEquals(BranchResetResult.BUSY, results(result).get("alice"));
        assertEquals(BranchResetResult.RESET, results(result).get("preview/42"));
        assertTrue(result.hasProblems());
        assertTrue(result.oneLine().contains("1 skipped: busy"), result.oneLine());
    }

    @Test
    void aBranchThatServesTheProductionUrlIsNeverResetEvenBelowTheTwin() {
        neon.endpoint("ep-alice-1", "br-alice-1");
        NeonSettings settings = NeonSettings.of(new NeonSettings.InputNames("neon-api-key", "neon-project-id"), FakeNeonApi.KEY,
                FakeNeonApi.PROJECT, null, List.of(), false, neon.baseUrl()).orElseThrow();
        NeonBranches result = BranchesFollowTwin.standard().run(settings, FakeNeonApi.hostOf("ep-twin-1"),
                "ep-alice-1-pooler.us-east-2.aws.neon.tech");
        assertEquals(BranchResetResult.SKIPPED_PRODUCTION, results(result).get("alice"));
        assertEquals("root", neon.get("br-alice-1").data);
        assertEquals(BranchResetResult.RESET, results(result).get("preview/42"));
    }

    @Test
    void aBranchStillBeingCreatedIsBusyAndNotSentAReset() {
        neon.get("br-alice-1").currentState = "init";
        NeonBranches result = follow(null, List.of("alice"), FakeNeonApi.hostOf("ep-twin-1"));
        assertEquals(Map.of("alice", BranchResetResult.BUSY), results(result));
        assertTrue(result.branches().get(0).reason().contains("init"), result.branches().get(0).reason());
        assertEquals(List.of(), neon.requestsMatching("POST .*"));
    }

    @Test
    void aTwinHostThatIsNoEndpointOfTheProjectIsAnErrorNamingTheFix() {
        NeonBranches result = follow(null, List.of(), "db.example.com");
        assertTrue(result.error().contains("db.example.com") && result.error().contains("twin-branch"), result.error());
        assertTrue(result.hasProblems());
        assertEquals(List.of(), neon.requestsMatching("POST .*"));
    }

    @Test
    void aRefusedKeyEndsTheStepWithAnErrorThatDoesNotHoldTheKey() {
        NeonSettings settings = NeonSettings.of(new NeonSettings.InputNames("neon-api-key", "neon-project-id"), "napi_revoked0key0abc",
                FakeNeonApi.PROJECT, null, List.of(), false, neon.baseUrl()).orElseThrow();
        NeonBranches result = BranchesFollowTwin.standard().run(settings, FakeNeonApi.hostOf("ep-twin-1"), "prod.example.com");
        assertTrue(result.error().contains("neon-api-key"), result.error());
        assertFalse(result.error().contains("napi_revoked0key0abc"));
        assertFalse(settings.toString().contains("napi_revoked0key0abc"));
    }
}
