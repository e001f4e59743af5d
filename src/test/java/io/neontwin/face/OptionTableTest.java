package io.neontwin.face;

import io.neontwin.reversetwin.PgDuration;
import io.neontwin.reversetwin.ReverseTwinOptions;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The option table is complete and consistent: every face reads it, so a gap here shows up in all of them. */
class OptionTableTest {

    @Test
    void everyOptionHasAnActionInputOrACommandLineNameAndNoNameIsUsedTwice() {
        Set<String> inputs = new HashSet<>();
        Set<String> cliNames = new HashSet<>();
        for (OptionTable option : OptionTable.values()) {
            assertTrue(option.yamlName() != null || option.cliName() != null, option + " reaches no face");
            if (option.yamlName() != null) {
                assertTrue(inputs.add(option.yamlName()), option.yamlName() + " twice");
                assertNotNull(option.definition().inputHelp(), option + ": action.yml needs a description");
            }
            if (option.cliName() != null) {
                assertTrue(cliNames.add(option.cliName()), option.cliName() + " twice");
                assertTrue(option.definition().hidden() || option.definition().cliHelp() != null, option + ": --help needs a line");
            }
        }
    }

    @Test
    void aNumberHasARangeThatHoldsItsDefault() {
        for (OptionTable option : OptionTable.values()) {
            OptionDefinition definition = option.definition();
            if (definition.kind() == OptionKind.NUMBER) {
                int value = Integer.parseInt(definition.defaultValue());
                assertTrue(definition.min() <= value && value <= definition.max(), option + ": default outside its range");
            }
        }
    }

    @Test
    void theDurationDefaultsAreTheEnginesDefaults() {
        assertEquals(ReverseTwinOptions.DEFAULT_LOCK_TIMEOUT, PgDuration.parse("lock-timeout", OptionTable.LOCK_TIMEOUT.defaultValue()));
        assertEquals(ReverseTwinOptions.DEFAULT_STATEMENT_TIMEOUT,
                PgDuration.parse("statement-timeout", OptionTable.STATEMENT_TIMEOUT.defaultValue()));
    }
}
