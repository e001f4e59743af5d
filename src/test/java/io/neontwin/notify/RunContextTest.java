package io.neontwin.notify;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class RunContextTest {
    @Test
    void theRunLinkIsBuiltFromGitHubsVariables() {
        RunContext context = RunContext.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.example.com/",
                "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "42", "GITHUB_RUN_ATTEMPT", "1"));
        assertEquals("https://github.example.com/acme/shop/actions/runs/42", context.runUrl());
        assertEquals("acme/shop run 42", context.runLabel());
    }

    @Test
    void aReRunLinksToItsOwnAttempt() {
        RunContext context = RunContext.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com",
                "GITHUB_REPOSITORY", "acme/shop", "GITHUB_RUN_ID", "42", "GITHUB_RUN_ATTEMPT", "3"));
        assertEquals("https://github.com/acme/shop/actions/runs/42/attempts/3", context.runUrl());
    }

    @Test
    void outsideGitHubActionsThereIsNoLink() {
        assertNull(RunContext.fromEnvironment(Map.of()).runUrl());
        assertNull(RunContext.fromEnvironment(Map.of("GITHUB_SERVER_URL", "https://github.com", "GITHUB_RUN_ID", "42")).runUrl());
    }
}
