package io.neontwin.init;

import io.neontwin.errors.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.neontwin.init.InitTesting.neonTwin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code neon-twin init}: the files it writes, --print, its refusal to overwrite, the secrets it names, --from-url. */
class InitCommandTest {
    private static final Path VECTORS = InitTesting.RESOURCES.resolve("vectors");

    @TempDir
    Path repository;

    private Path workflow(String name) {
        return repository.resolve(".github/workflows").resolve(name);
    }

    @Test
    void flagsWriteTheWorkflowsAndTheSecretsToCreateAreNamed() throws IOException {
        InitTesting.Run run = neonTwin("init", "--directory", repository.toString(), "--schedule", "41 1 * * *", "--reverse",
                "--refresh-after-apply", "--environment", "prod db", "--migrations-path", "db/migrations", "--lock-timeout", "10s",
                "--out-of-order", "--exclude-table-data", "public.audit_log", "--slack-webhook-url");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(GoldenFiles.read(VECTORS.resolve("reverse-full/neon-twin.yml")), Files.readString(workflow("neon-twin.yml")));
        assertEquals(GoldenFiles.read(VECTORS.resolve("reverse-full/neon-reverse-twin.yml")), Files.readString(workflow("neon-reverse-twin.yml")));
        assertTrue(run.out().contains("wrote .github/workflows/neon-twin.yml"), run.out());
        for (String secret : new String[] {"PRODUCTION_DATABASE_URL", "TWIN_DATABASE_URL", "SLACK_WEBHOOK_URL"}) {
            assertTrue(run.out().contains("\n  " + secret + " "), secret + " is listed: " + run.out());
        }
        assertTrue(run.out().contains("Create the environment 'prod db'"), run.out());
        assertTrue(run.out().contains("Next steps:"), run.out());
    }

    @Test
    void printWritesTheFileToStandardOutputAndNothingToTheRepository() {
        InitTesting.Run run = neonTwin("init", "--directory", repository.toString(), "--print", "--schedule", "23 4 * * *");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(GoldenFiles.read(VECTORS.resolve("defaults/neon-twin.yml")), run.out());
        assertTrue(run.err().contains("PRODUCTION_DATABASE_URL"), "the secrets go to stderr: " + run.err());
        assertFalse(Files.exists(repository.resolve(".github")));
    }

    @Test
    void anExistingFileThatDiffersIsNeitherReplacedNorLostWithoutForceAndTheDifferenceIsShown() throws IOException {
        Files.createDirectories(workflow("neon-twin.yml").getParent());
        String mine = GoldenFiles.read(VECTORS.resolve("defaults/neon-twin.yml")).replace("'Neon twin'", "'My own twin'");
        Files.writeString(workflow("neon-twin.yml"), mine);

        InitTesting.Run refused = neonTwin("init", "--directory", repository.toString(), "--schedule", "23 4 * * *");

        assertEquals(ExitCode.WOULD_OVERWRITE.code(), refused.exitCode());
        assertEquals(mine, Files.readString(workflow("neon-twin.yml")));
        assertTrue(refused.out().contains("- name: 'My own twin'") && refused.out().contains("+ name: 'Neon twin'"), refused.out());
        String[] errLines = refused.err().strip().split("\n");
        assertEquals(1, errLines.length, refused.err());
        assertTrue(errLines[0].startsWith("error: ") && errLines[0].contains("--force"), errLines[0]);

        InitTesting.Run forced = neonTwin("init", "--directory", repository.toString(), "--schedule", "23 4 * * *", "--force");

        assertEquals(0, forced.exitCode(), forced.err());
        assertEquals(GoldenFiles.read(VECTORS.resolve("defaults/neon-twin.yml")), Files.readString(workflow("neon-twin.yml")));
    }

    @Test
    void theSameFileAgainIsLeftAsItIs() {
        assertEquals(0, neonTwin("init", "--directory", repository.toString(), "--schedule", "23 4 * * *").exitCode());

        InitTesting.Run again = neonTwin("init", "--directory", repository.toString(), "--schedule", "23 4 * * *");

        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("unchanged .github/workflows/neon-twin.yml"), again.out());
    }

    @Test
    void theLinkThePageSharesWritesTheSameFilesAsItsCommandLine() throws IOException {
        String fragment = InitTesting.json(VECTORS.resolve("twin-everything/expected.json")).path("fragment").asText();

        InitTesting.Run run = neonTwin("init", "--print", "--from-url", "https://owner.github.io/neon-twin/#" + fragment);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(GoldenFiles.read(VECTORS.resolve("twin-everything/neon-twin.yml")), run.out());
        assertTrue(run.err().contains("#" + fragment), "init shows the page link back: " + run.err());
    }

    @Test
    void aValueAnOptionDoesNotAllowIsOneSentenceNamingTheFlag() {
        InitTesting.Run run = neonTwin("init", "--print", "--verify", "maybe");

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode());
        assertEquals("error: --verify: 'maybe' is not one of counts, checksums, none; see 'neon-twin init --help' for what --verify takes.",
                run.err().strip());
        assertEquals("", run.out());
    }

    @Test
    void aLinkWithValuesInitCannotUseIsRefusedNamingThem() {
        InitTesting.Run run = neonTwin("init", "--print", "--from-url", "#schedule=99+3+*+*+*&colour=blue");

        assertEquals(ExitCode.INVALID_INPUT.code(), run.exitCode());
        String err = run.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("error: --from-url: ") && err.contains("schedule=99 3 * * *") && err.contains("colour=blue (no such option)"), err);
    }

    @Test
    void everyCatalogOptionIsAFlagWithItsHelp() {
        InitTesting.Run help = neonTwin("init", "--help");

        assertEquals(0, help.exitCode());
        for (CatalogOption option : InitTesting.CATALOG.options()) {
            assertTrue(help.out().contains("--" + option.name()), option.name() + " in: " + help.out());
        }
    }
}
