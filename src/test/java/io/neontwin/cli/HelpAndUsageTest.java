package io.neontwin.cli;

import io.neontwin.errors.ExitCode;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a newcomer reads first: --help that is whole and names its placeholders, and a typo answered with the fix. */
class HelpAndUsageTest {
    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine commandLine = NeonTwin.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void aMisspelledOptionIsAnsweredWithTheRealOneAndItsValueIsNotCalledAnotherUnknownOption() {
        Run result = run("twin", "--paralel", "4");

        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertEquals("error: unknown option '--paralel' (did you mean --jobs?); run 'neon-twin twin --help' for the options.",
                result.err().strip());
    }

    @Test
    void aTypoInAnOptionNameSuggestsTheOptionItWasMeantToBe() {
        assertSuggests("(did you mean --exclude-table?)", "twin", "--exlude-table", "audit");
        assertSuggests("(did you mean --exclude-table-data?)", "twin", "--exclude-table-dta=audit");
        assertSuggests("(did you mean --migrations?)", "reverse-twin", "--migration", "m");
        assertSuggests("unknown command 'twni' (did you mean twin?)", "twni");
    }

    private static void assertSuggests(String expected, String... args) {
        Run result = run(args);
        assertEquals(ExitCode.USAGE.code(), result.exitCode(), result.err());
        assertTrue(result.err().contains(expected), result.err());
    }

    @Test
    void anOptionFarFromEveryRealOneGetsNoGuess() {
        Run result = run("twin", "--colour");

        assertEquals(ExitCode.USAGE.code(), result.exitCode());
        assertEquals("error: unknown option '--colour'; run 'neon-twin twin --help' for the options.", result.err().strip());
    }

    @Test
    void theTopLevelListShowsEachCommandsDescriptionAsAWholeSentence() {
        String help = run("--help").out();
        for (CommandLine sub : NeonTwin.commandLine().getSubcommands().values()) {
            String[] description = sub.getCommandSpec().usageMessage().description();
            assertTrue(description.length > 0 && description[0].strip().endsWith("."),
                    sub.getCommandName() + "'s first description paragraph ends mid-sentence: " + String.join("|", description));
        }
        assertTrue(help.replaceAll("\\s+", " ").contains("then indexes and constraints, built aside and swapped in at the end."), help);
    }

    @Test
    void everyPlaceholderNamesWhatToTypeNotAJavaField() {
        List<String> problems = new ArrayList<>();
        for (CommandLine sub : NeonTwin.commandLine().getSubcommands().values()) {
            for (OptionSpec option : sub.getCommandSpec().options()) {
                if (option.typeInfo().isBoolean() || option.usageHelp() || option.versionHelp()) {
                    continue;
                }
                if (!option.paramLabel().matches("<[a-z][a-z-]*>")) {
                    problems.add(sub.getCommandName() + " " + option.longestName() + " " + option.paramLabel());
                }
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(run("twin", "--help").out().contains("--exclude-schema=<schema>"));
    }

    @Test
    void migrationsIsShownAsRequiredInTheSynopsisOfReverseTwin() {
        CommandSpec reverseTwin = NeonTwin.commandLine().getSubcommands().get("reverse-twin").getCommandSpec();
        String synopsis = reverseTwin.commandLine().getHelp().synopsis(0);

        assertTrue(reverseTwin.findOption("--migrations").required());
        assertTrue(synopsis.contains(" --migrations=<dir>") && !synopsis.contains("[--migrations"), synopsis);
    }

    @Test
    void aMissingMigrationsFolderIsStillOneSentenceNamingTheFix() {
        Run result = run("reverse-twin", "--production-url", "postgresql://a@db.example.com/shop",
                "--twin-url", "postgresql://a@twin.example.com/shop");

        assertAll(() -> assertEquals(ExitCode.INVALID_INPUT.code(), result.exitCode()),
                () -> assertEquals("error: --migrations is missing; pass the folder of V<version>__<description>.sql files "
                        + "(or set NEON_TWIN_MIGRATIONS).", result.err().strip()),
                () -> assertFalse(result.err().contains("Usage")));
    }
}
