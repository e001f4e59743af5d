package io.neontwin.init;

import io.neontwin.face.OptionTable;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static io.neontwin.init.InitTesting.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The catalog takes the action's inputs from OptionTable, so a new input reaches the generator by itself. */
class OptionCatalogTest {
    @Test
    void everyActionInputIsAnOptionOrARequiredSecretOrSetByTheWorkflows() {
        for (OptionTable input : OptionTable.actionInputs()) {
            boolean option = CATALOG.option(input.yamlName()).filter(found -> found.input() == input).isPresent();
            boolean skipped = CATALOG.skippedInputs().contains(input.yamlName());
            assertTrue(option ^ (input.required() || skipped), input.yamlName());
        }
    }

    @Test
    void anInputThatHoldsACredentialIsReadFromASecretOfItsName() {
        CatalogOption webhook = CATALOG.option("webhook-url").orElseThrow();
        assertEquals(OptionKind.SECRET, webhook.kind());
        assertEquals("WEBHOOK_URL", webhook.secretName());

        WorkflowOptions options = WorkflowOptions.defaults(CATALOG, new Random()).with("webhook-url", "true");
        String twin = InitTesting.TEMPLATES.render(options).getFirst().content();

        assertTrue(twin.contains("          webhook-url: ${{ secrets.WEBHOOK_URL }}\n"), twin);
        assertTrue(WorkflowView.secrets(options).stream().anyMatch(secret -> secret.name().equals("WEBHOOK_URL")));
    }

    @Test
    void anInputTheWorkflowsDoNotSetIsNotWrittenAtItsDefault() {
        WorkflowOptions options = WorkflowOptions.defaults(CATALOG, new Random()).with("jobs", String.valueOf(OptionTable.JOBS.defaultValue()));

        assertTrue(InitTesting.TEMPLATES.render(options).getFirst().content().lines().noneMatch(line -> line.strip().startsWith("jobs: ")));
    }

    @Test
    void aValueOutsideWhatTheOptionAllowsSaysWhy() {
        WorkflowOptions options = WorkflowOptions.defaults(CATALOG, new Random());

        assertEquals("jobs: 65 is not between 1 and 64", assertThrows(IllegalArgumentException.class, () -> options.with("jobs", "65")).getMessage());
        assertEquals("runner: 'ubuntu-latest; rm -rf' is not allowed here (it must match ^[A-Za-z0-9._-]+$)",
                assertThrows(IllegalArgumentException.class, () -> options.with("runner", "ubuntu-latest; rm -rf")).getMessage());
        assertEquals("twin-name: it must be one line of at most 100 characters",
                assertThrows(IllegalArgumentException.class, () -> options.with("twin-name", "a\non: push")).getMessage());
        assertEquals("there is no option 'colour'", assertThrows(IllegalArgumentException.class, () -> options.with("colour", "blue")).getMessage());
    }

    @Test
    void theScheduleIsACronExpressionGitHubAccepts() {
        assertEquals("17 3 * * 1-5", Cron.normalize("  17  3 * * 1-5 "));
        assertEquals("*/15 1,2 1-7/2 * 0", Cron.normalize("*/15 1,2 1-7/2 * 0"));
        assertThrows(IllegalArgumentException.class, () -> Cron.normalize("17 3 * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.normalize("17 24 * * *"));
        assertThrows(IllegalArgumentException.class, () -> Cron.normalize("17 3 * * MON"));
        assertThrows(IllegalArgumentException.class, () -> Cron.normalize("*/0 3 * * *"));
    }

    @Test
    void theDefaultScheduleIsAMinuteAtNightNeverMidnightNorTheTopOfTheHour() {
        Random random = new Random();
        for (int i = 0; i < 200; i++) {
            String[] fields = WorkflowOptions.defaults(CATALOG, random).value("schedule").split(" ");
            int minute = Integer.parseInt(fields[0]);
            int hour = Integer.parseInt(fields[1]);
            assertTrue(minute >= 1 && minute <= 59 && hour >= 1 && hour <= 5, String.join(" ", fields));
        }
    }
}
