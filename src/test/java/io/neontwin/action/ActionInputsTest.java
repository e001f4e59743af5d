package io.neontwin.action;

import io.neontwin.face.Direction;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionInputsTest {
    private static ActionInputs inputs(Map<String, String> variables) {
        return new ActionInputs(new ActionEnvironment(variables));
    }

    @Test
    void readsTheRunnersHyphenatedVariables() {
        assertEquals("8", inputs(Map.of("INPUT_JOBS", "8")).text(ActionInput.JOBS));
        assertEquals("x", inputs(Map.of("INPUT_EXCLUDE-TABLE-DATA", "x")).text(ActionInput.EXCLUDE_TABLE_DATA));
    }

    @Test
    void acceptsTheUnderscoreFormButTheRunnersFormWins() {
        assertEquals("a", inputs(Map.of("INPUT_REPORT_FILE", "a")).text(ActionInput.REPORT_FILE));
        assertEquals("b", inputs(Map.of("INPUT_REPORT_FILE", "a", "INPUT_REPORT-FILE", "b")).text(ActionInput.REPORT_FILE));
    }

    @Test
    void anEmptyInputIsUnsetAndTakesTheDefault() {
        assertEquals("twin", inputs(Map.of("INPUT_DIRECTION", "")).text(ActionInput.DIRECTION));
        assertEquals("counts", inputs(Map.of("INPUT_VERIFY", "  \n")).text(ActionInput.VERIFY));
        assertEquals(4, inputs(Map.of()).number(ActionInput.JOBS, 1, 64));
    }

    @Test
    void aMissingRequiredInputIsAnErrorThatNamesIt() {
        UserError error = assertThrows(UserError.class,
                () -> inputs(Map.of("INPUT_PRODUCTION-URL", "")).required(ActionInput.PRODUCTION_URL));
        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("Input 'production-url' is required"), error.getMessage());
    }

    @Test
    void booleansAreTheYamlCoreSchemaOnes() {
        assertTrue(inputs(Map.of("INPUT_DRY-RUN", "True")).flag(ActionInput.DRY_RUN));
        assertFalse(inputs(Map.of("INPUT_DRY-RUN", "FALSE")).flag(ActionInput.DRY_RUN));
        assertFalse(inputs(Map.of()).flag(ActionInput.DRY_RUN));
        UserError error = assertThrows(UserError.class, () -> inputs(Map.of("INPUT_DRY-RUN", "yes")).flag(ActionInput.DRY_RUN));
        assertEquals("Input 'dry-run' is 'yes'; use true or false.", error.getMessage());
    }

    @Test
    void numbersOutsideTheRangeNameTheRange() {
        UserError error = assertThrows(UserError.class, () -> inputs(Map.of("INPUT_JOBS", "0")).number(ActionInput.JOBS, 1, 64));
        assertEquals("Input 'jobs' is '0'; use a whole number from 1 to 64.", error.getMessage());
        assertThrows(UserError.class, () -> inputs(Map.of("INPUT_JOBS", "four")).number(ActionInput.JOBS, 1, 64));
    }

    @Test
    void listsTakeOneItemALineOrCommas() {
        assertEquals(List.of("public.audit_*", "public.events", "sales.log"),
                inputs(Map.of("INPUT_EXCLUDE-TABLE-DATA", "public.audit_*\n  public.events ,sales.log\n\n")).list(ActionInput.EXCLUDE_TABLE_DATA));
        assertEquals(List.of(), inputs(Map.of()).list(ActionInput.SCHEMAS));
    }

    @Test
    void anInputIsGivenOnlyWhenItDiffersFromItsDefault() {
        assertFalse(inputs(Map.of("INPUT_JOBS", "4")).givenOtherThanDefault(ActionInput.JOBS), "the runner fills in the default");
        assertFalse(inputs(Map.of()).givenOtherThanDefault(ActionInput.LOCK_TIMEOUT));
        assertTrue(inputs(Map.of("INPUT_JOBS", "8")).givenOtherThanDefault(ActionInput.JOBS));
        assertTrue(inputs(Map.of("INPUT_LOCK_TIMEOUT", "1s")).givenOtherThanDefault(ActionInput.LOCK_TIMEOUT));
    }

    @Test
    void eachInputSaysWhichDirectionItIsFor() {
        assertEquals(Direction.TWIN, ActionInput.JOBS.onlyFor());
        assertEquals(Direction.REVERSE_TWIN, ActionInput.MIGRATIONS_PATH.onlyFor());
        assertEquals(null, ActionInput.DRY_RUN.onlyFor());
        assertEquals("reverse-twin", inputs(Map.of("INPUT_DIRECTION", "Reverse-Twin ")).text(ActionInput.DIRECTION).strip().toLowerCase());
        assertEquals(Direction.REVERSE_TWIN, Direction.parse(" Reverse-Twin "));
        UserError error = assertThrows(UserError.class, () -> Direction.parse("backward"));
        assertEquals("Input 'direction' is 'backward'; use twin (copy production into the twin) or reverse-twin "
                + "(apply the repository's migrations to production after rehearsing them on the twin).", error.getMessage());
    }
}
