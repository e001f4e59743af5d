package io.neontwin.neon;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Neon side of a refresh by branch swap, against the fake API: the twin branch (its id, so its connection string)
 * stays, takes the loaded branch's data, keeps its previous data under a dated name; a rollback brings that back.
 */
class TwinBranchSwapTest {
    private FakeNeonApi neon;
    private NeonClient client;

    @BeforeEach
    void project() throws IOException {
        neon = new FakeNeonApi();
        neon.branch("br-main-1", "main", null);
        neon.branch("br-twin-1", "twin", "br-main-1").data = "monday";
        client = new NeonClient(neon.baseUrl(), FakeNeonApi.KEY, FakeNeonApi.PROJECT, NeonClientTest.POLICY, new io.neontwin.notify.RecordingSleeper(),
                Clock.systemUTC());
    }

    @AfterEach
    void stop() throws IOException {
        neon.close();
    }

    private String swapAt(String time, String data, int keep) {
        neon.branch("br-loaded-" + data, "twin-loading", "br-main-1").data = data;
        TwinBranchSwap swap = new TwinBranchSwap(client, Clock.fixed(Instant.parse(time), ZoneOffset.UTC));
        return swap.swap(neon.branchRecord("br-twin-1"), neon.branchRecord("br-loaded-" + data), keep);
    }

    @Test
    void aSwapGivesTheTwinBranchTheLoadedDataAndKeepsThePreviousUnderADatedName() {
        String preserved = swapAt("2026-11-30T03:00:00Z", "tuesday", 2);

        assertEquals("twin-previous-20261130-030000", preserved);
        assertEquals("tuesday", neon.get("br-twin-1").data, "the same branch, so the same connection string");
        assertEquals("monday", neon.named(preserved).orElseThrow().data);
        assertFalse(neon.has("br-loaded-tuesday"), "the loaded branch is deleted");
        assertTrue(neon.violations.isEmpty(), neon.violations::toString);
        assertTrue(neon.received.stream().anyMatch(body -> body.contains("\"preserve_under_name\":\"" + preserved + "\"")));
    }

    @Test
    void onlyTheNewestKeptTwinsRemain() {
        swapAt("2026-11-28T03:00:00Z", "saturday", 2);
        swapAt("2026-11-29T03:00:00Z", "sunday", 2);
        swapAt("2026-11-30T03:00:00Z", "monday2", 2);

        assertEquals(List.of("twin-previous-20261129-030000", "twin-previous-20261130-030000"),
                neon.branchNames().stream().filter(name -> name.startsWith("twin-previous-")).sorted().toList());
    }

    @Test
    void aRollbackRestoresThePreviousTwinAndASecondGoesOneFurtherBack() {
        swapAt("2026-11-29T03:00:00Z", "tuesday", 3);
        swapAt("2026-11-30T03:00:00Z", "wednesday", 3);
        TwinBranchSwap swap = new TwinBranchSwap(client, Clock.systemUTC());

        assertEquals("twin-previous-20261130-030000", swap.rollback(neon.branchRecord("br-twin-1")));
        assertEquals("tuesday", neon.get("br-twin-1").data);
        assertEquals("twin-previous-20261129-030000", swap.rollback(neon.branchRecord("br-twin-1")));
        assertEquals("monday", neon.get("br-twin-1").data);
        NeonApiError none = assertThrows(NeonApiError.class, () -> swap.rollback(neon.branchRecord("br-twin-1")));
        assertTrue(none.getMessage().contains("keeps no previous twin"), none.getMessage());
        assertFalse(none.getMessage().contains(FakeNeonApi.KEY));
        assertTrue(neon.violations.isEmpty(), neon.violations::toString);
    }
}
