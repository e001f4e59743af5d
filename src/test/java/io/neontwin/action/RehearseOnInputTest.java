package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.neon.NeonRehearsalBranches;
import io.neontwin.secrets.Secrets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action's rehearse-on input: where a reverse twin rehearses, and what it needs for a Neon branch. */
class RehearseOnInputTest {
    private static final String KEY = "napi_rehearse0secret0key";

    @TempDir
    Path workspace;

    @AfterEach
    void forget() {
        Secrets.clearForTests();
    }

    private ActionSettings settings(Map<String, String> extra) throws IOException {
        Files.createDirectories(workspace.resolve("migrations"));
        Files.writeString(workspace.resolve("migrations/V1__notes.sql"), "CREATE TABLE notes (id int);");
        Map<String, String> variables = new HashMap<>(Map.of("INPUT_DIRECTION", "reverse-twin",
                "INPUT_PRODUCTION-URL", "postgresql://app@prod.example.com/app",
                "INPUT_TWIN-URL", "postgresql://app@ep-twin-1.us-east-2.aws.neon.tech/app"));
        variables.putAll(extra);
        return ActionSettings.from(new ActionInputs(new ActionEnvironment(variables)), workspace);
    }

    @Test
    void byDefaultTheReverseTwinRehearsesOnTheTwinAndNeverCallsNeon() throws IOException {
        assertNull(settings(Map.of()).reverseOptions().rehearsalBranches());
        assertNull(settings(Map.of("INPUT_NEON-API-KEY", KEY, "INPUT_NEON-PROJECT-ID", "twin-project-1")).reverseOptions().rehearsalBranches());
    }

    @Test
    void branchWithTheNeonInputsRehearsesOnANeonBranchAndResetsNoBranch() throws IOException {
        ActionSettings settings = settings(Map.of("INPUT_REHEARSE-ON", "branch", "INPUT_NEON-API-KEY", KEY,
                "INPUT_NEON-PROJECT-ID", "twin-project-1"));
        assertInstanceOf(NeonRehearsalBranches.class, settings.reverseOptions().rehearsalBranches());
        assertNull(settings.neon(), "no branch follows a reverse twin");
        assertTrue(settings.warnings().isEmpty(), settings.warnings()::toString);
    }

    @Test
    void branchWithoutTheNeonInputsIsAnInvalidInputNamingThem() {
        UserError error = assertThrows(UserError.class, () -> settings(Map.of("INPUT_REHEARSE-ON", "branch")));
        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
        assertEquals("Input 'rehearse-on' is branch but Input 'neon-api-key' and Input 'neon-project-id' are empty; give both "
                + "(the branch is made in that Neon project, see docs/neon.md), or set Input 'rehearse-on' to twin.", error.getMessage());
    }

    @Test
    void rehearseOnIsIgnoredWithAWarningByATwinRun() throws IOException {
        ActionSettings settings = ActionSettings.from(new ActionInputs(new ActionEnvironment(Map.of("INPUT_REHEARSE-ON", "branch",
                "INPUT_PRODUCTION-URL", "postgresql://app@prod.example.com/app",
                "INPUT_TWIN-URL", "postgresql://app@twin.example.com/app_twin"))), workspace);
        assertTrue(settings.warnings().stream().anyMatch(w -> w.startsWith("Input 'rehearse-on' applies to direction reverse-twin only")),
                settings.warnings()::toString);
    }
}
