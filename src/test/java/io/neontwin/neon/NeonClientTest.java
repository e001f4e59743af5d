package io.neontwin.neon;

import io.neontwin.errors.ExitCode;
import io.neontwin.notify.RecordingSleeper;
import io.neontwin.notify.RetryPolicy;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The client keeps Neon's rules: retries what the API says may be retried, within bounds, and says why it gave up. */
class NeonClientTest {
    static final NeonClientPolicy POLICY = new NeonClientPolicy(new RetryPolicy(4, Duration.ofSeconds(1), Duration.ofSeconds(30)),
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(20));

    private FakeNeonApi neon;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void project() throws Exception {
        Secrets.clearForTests();
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1");
        neon.branch("br-dev-1", "dev", "br-twin-1");
    }

    @AfterEach
    void stop() throws Exception {
        neon.close();
        Secrets.clearForTests();
    }

    private NeonClient client(String key) {
        return new NeonClient(neon.baseUrl(), key, FakeNeonApi.PROJECT, POLICY, sleeper, Clock.systemUTC());
    }

    @Test
    void readsBranchesAndEndpointsWithTheKeyAsBearerToken() {
        neon.endpoint("ep-twin-1", "br-twin-1");
        NeonClient client = client(FakeNeonApi.KEY);
        assertEquals(List.of("main", "twin", "dev"), client.branches().stream().map(NeonBranch::name).toList());
        assertEquals("br-twin-1", client.branch("br-dev-1").parentId());
        assertEquals(FakeNeonApi.hostOf("ep-twin-1"), client.endpoints().get(0).host());
        assertEquals(List.of(), neon.violations);
    }

    @Test
    void aLockedBranchIsRetriedAfterTheWaitNeonAsksFor() {
        neon.fail("POST", "/branches/br-dev-1/restore", 423, "7", 2);
        client(FakeNeonApi.KEY).restoreBranch("br-dev-1", new BranchRestore("br-twin-1", null));
        assertEquals(3, neon.count("POST /branches/br-dev-1/restore"));
        assertEquals(List.of(Duration.ofSeconds(7), Duration.ofSeconds(7)), sleeper.waits);
        assertEquals("root", neon.get("br-dev-1").data);
        assertEquals(List.of(), neon.violations);
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterCappedAndElseBacksOff() {
        neon.fail("GET", "/branches", 429, "3600", 1);
        neon.fail("GET", "/branches", 429, null, 1);
        client(FakeNeonApi.KEY).branches();
        assertEquals(List.of(POLICY.retries().maxWait(), Duration.ofSeconds(2)), sleeper.waits);
    }

    @Test
    void serverErrorsAreRetriedABoundedNumberOfTimesThenReportedInOneSentence() {
        neon.fail("GET", "/branches", 500, null, 100);
        NeonApiError error = assertThrows(NeonApiError.class, () -> client(FakeNeonApi.KEY).branches());
        assertEquals(POLICY.retries().maxAttempts(), neon.count("GET /branches"));
        assertEquals(ExitCode.NEON_API, error.exitCode());
        assertEquals(500, error.status());
        assertTrue(error.getMessage().contains("injected 500"), error.getMessage());
        assertTrue(error.getMessage().contains("after " + POLICY.retries().maxAttempts() + " attempts"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"));
    }

    @Test
    void aRefusedKeyIsNotRetriedAndTheSentenceNamesTheInputNotTheKey() {
        String wrongKey = "napi_wrong0key0that0must0not0show";
        NeonApiError error = assertThrows(NeonApiError.class, () -> client(wrongKey).branches());
        assertEquals(1, neon.count("GET /branches"));
        assertEquals(List.of(), sleeper.waits);
        assertTrue(error.getMessage().contains("neon-api-key"), error.getMessage());
        assertTrue(error.getMessage().contains("authorization failed"), error.getMessage());
        assertFalse(error.getMessage().contains(wrongKey));
    }

    @Test
    void theKeyTravelsOnlyInTheAuthorizationHeader() {
        client(FakeNeonApi.KEY).restoreBranch("br-dev-1", BranchRestore.fromParent(neon.branchRecord("br-dev-1")));
        List<String> withKey = neon.received.stream().filter(text -> text.contains(FakeNeonApi.KEY)).toList();
        assertEquals(List.of("Authorization: Bearer " + FakeNeonApi.KEY), withKey.stream().distinct().toList());
    }

    @Test
    void aSlowOperationIsPolledUntilItFinishes() {
        neon.slowOperations(3);
        client(FakeNeonApi.KEY).restoreBranch("br-dev-1", new BranchRestore("br-twin-1", null));
        assertEquals(3, neon.count("GET /operations/.*"));
        assertEquals(List.of(POLICY.pollInterval(), POLICY.pollInterval(), POLICY.pollInterval()), sleeper.waits);
    }

    @Test
    void anOperationStillRunningPastTheBoundIsAnError() {
        neon.slowOperations(1000);
        NeonApiError error = assertThrows(NeonApiError.class,
                () -> client(FakeNeonApi.KEY).restoreBranch("br-dev-1", new BranchRestore("br-twin-1", null)));
        long bound = POLICY.operationTimeout().dividedBy(POLICY.pollInterval());
        assertEquals(bound, neon.count("GET /operations/.*"));
        assertTrue(error.getMessage().contains("still running"), error.getMessage());
    }

    @Test
    void aFailedOperationIsAnErrorQuotingNeon() {
        neon.operationsEnd("failed", "timeline creation failed");
        NeonApiError error = assertThrows(NeonApiError.class,
                () -> client(FakeNeonApi.KEY).restoreBranch("br-dev-1", new BranchRestore("br-twin-1", null)));
        assertTrue(error.getMessage().contains("ended failed (timeline creation failed)"), error.getMessage());
    }

    @Test
    void aRefusalIsReportedWithNeonsMessage() {
        neon.branch("br-feature-1", "feature", "br-dev-1");
        NeonApiError error = assertThrows(NeonApiError.class,
                () -> client(FakeNeonApi.KEY).restoreBranch("br-dev-1", new BranchRestore("br-twin-1", null)));
        assertEquals(400, error.status());
        assertTrue(error.getMessage().contains("preserve_under_name is required"), error.getMessage());
        assertEquals(1, neon.count("POST .*"));
    }

    @Test
    void aCreatedBranchExpiresByItselfAndASecondCreateOfItReusesIt() {
        Instant expiry = Instant.parse("2026-12-01T03:17:00.123Z");
        BranchCreate request = new BranchCreate("rehearsal-42", "br-twin-1", expiry, true);
        NeonBranch created = client(FakeNeonApi.KEY).createBranch(request);
        assertEquals("2026-12-01T03:17:00Z", neon.get(created.id()).expiresAt);
        assertEquals("br-twin-1", created.parentId());

        NeonBranch again = client(FakeNeonApi.KEY).createBranch(request);
        assertEquals(created.id(), again.id());
        assertEquals(2, neon.count("POST /branches"));
        assertEquals(List.of(), neon.violations);
    }

    @Test
    void aBranchOfTheSameNameWithAnotherParentIsNotReused() {
        NeonApiError error = assertThrows(NeonApiError.class,
                () -> client(FakeNeonApi.KEY).createBranch(new BranchCreate("dev", "br-main-1", null, false)));
        assertEquals(409, error.status());
        assertTrue(error.getMessage().contains("already exists") && error.getMessage().contains("another parent"), error.getMessage());
    }

    @Test
    void deletingABranchWaitsForItAndOneAlreadyGoneIsNoError() {
        neon.slowOperations(2);
        client(FakeNeonApi.KEY).deleteBranch("br-dev-1");
        assertFalse(neon.has("br-dev-1"));
        assertEquals(2, neon.count("GET /operations/.*"));
        client(FakeNeonApi.KEY).deleteBranch("br-dev-1");
        assertEquals(2, neon.count("DELETE /branches/br-dev-1"));
    }
}
