package io.neontwin.action;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.face.Direction;
import io.neontwin.face.OptionTable;
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
        assertEquals("8", inputs(Map.of("INPUT_JOBS", "8")).text(OptionTable.JOBS));
        assertEquals("x", inputs(Map.of("INPUT_EXCLUDE-TABLE-DATA", "x")).text(OptionTable.EXCLUDE_TABLE_DATA));
    }

    @Test
    void acceptsTheUnderscoreFormButTheRunnersFormWins() {
        assertEquals("a", inputs(Map.of("INPUT_REPORT_FILE", "a")).text(OptionTable.REPORT_FILE));
        assertEquals("b", inputs(Map.of("INPUT_REPORT_FILE", "a", "INPUT_REPORT-FILE", "b")).text(OptionTable.REPORT_FILE));
    }

    @Test
    void anEmptyInputIsUnsetAndTakesTheDefault() {
        assertEquals("twin", inputs(Map.of("INPUT_DIRECTION", "")).text(OptionTable.DIRECTION));
        assertEquals("counts", inputs(Map.of("INPUT_VERIFY", "  \n")).text(OptionTable.VERIFY));
        assertEquals(4, inputs(Map.of()).number(OptionTable.JOBS, 1, 64));
    }

    @Test
    void aMissingRequiredInputIsAnErrorThatNamesIt() {
        UserError error = assertThrows(UserError.class,
                () -> inputs(Map.of("INPUT_PRODUCTION-URL", "")).required(OptionTable.PRODUCTION_URL));
        assertEquals(ExitCode.INVALID_INPUT, error.exitCode());
        assertTrue(error.getMessage().startsWith("Input 'production-url' is required"), error.getMessage());
    }

    @Test
    void booleansAreTheYamlCoreSchemaOnes() {
        assertTrue(inputs(Map.of("INPUT_DRY-RUN", "True")).flag(OptionTable.DRY_RUN));
        assertFalse(inputs(Map.of("INPUT_DRY-RUN", "FALSE")).flag(OptionTable.DRY_RUN));
        assertFalse(inputs(Map.of()).flag(OptionTable.DRY_RUN));
        UserError error = assertThrows(UserError.class, () -> inputs(Map.of("INPUT_DRY-RUN", "yes")).flag(OptionTable.DRY_RUN));
        assertEquals("Input 'dry-run' is 'yes'; use true or false.", error.getMessage());
    }

    @Test
    void numbersOutsideTheRangeNameTheRange() {
        UserError error = assertThrows(UserError.class, () -> inputs(Map.of("INPUT_JOBS", "0")).number(OptionTable.JOBS, 1, 64));
        assertEquals("Input 'jobs' is '0'; use a whole number from 1 to 64.", error.getMessage());
        assertThrows(UserError.class, () -> inputs(Map.of("INPUT_JOBS", "four")).number(OptionTable.JOBS, 1, 64));
    }

    @Test
    void listsTakeOneItemALineOrCommas() {
        assertEquals(List.of("public.audit_*", "public.events", "sales.log"),
                inputs(Map.of("INPUT_EXCLUDE-TABLE-DATA", "public.audit_*\n  public.events ,sales.log\n\n")).list(OptionTable.EXCLUDE_TABLE_DATA));
        assertEquals(List.of(), inputs(Map.of()).list(OptionTable.SCHEMAS));
    }

    @Test
    void anInputIsGivenOnlyWhenItDiffersFromItsDefault() {
        assertFalse(inputs(Map.of("INPUT_JOBS", "4")).givenOtherThanDefault(OptionTable.JOBS), "the runner fills in the default");
        assertFalse(inputs(Map.of()).givenOtherThanDefault(OptionTable.LOCK_TIMEOUT));
        assertTrue(inputs(Map.of("INPUT_JOBS", "8")).givenOtherThanDefault(OptionTable.JOBS));
        assertTrue(inputs(Map.of("INPUT_LOCK_TIMEOUT", "1s")).givenOtherThanDefault(OptionTable.LOCK_TIMEOUT));
    }

    @Test
    void eachInputSaysWhichDirectionItIsFor() {
        assertEquals(Direction.TWIN, OptionTable.JOBS.onlyFor());
        assertEquals(Direction.REVERSE_TWIN, OptionTable.MIGRATIONS_PATH.onlyFor());
        assertEquals(null, OptionTable.DRY_RUN.onlyFor());
        assertEquals("reverse-twin", inputs(Map.of("INPUT_DIRECTION", "Reverse-Twin ")).text(OptionTable.DIRECTION).strip().toLowerCase());
        assertEquals(Direction.REVERSE_TWIN, Direction.parse(" Reverse-Twin "));
        UserError error = assertThrows(UserError.class, () -> Direction.parse("backward"));
        assertEquals("Input 'direction' is 'backward'; use twin (copy production into the twin) or reverse-twin "
                + "(apply the repository's migrations to production after rehearsing them on the twin).", error.getMessage());
    }
}
