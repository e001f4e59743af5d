package io.neontwin.action;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * GitHub's rules for a container action's image, read off the Dockerfile (no Docker engine runs the tests; CI's
 * image job builds it). Checks the final stage, the one the runner starts.
 */
class DockerfileTest {
    private final List<String> dockerfile = read("Dockerfile");
    private final List<String> finalStage = dockerfile.subList(lastIndexStartingWith(dockerfile, "FROM "), dockerfile.size());

    private static List<String> read(String name) {
        try {
            return Files.readAllLines(ActionMetadata.projectDir().resolve(name));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static int lastIndexStartingWith(List<String> lines, String prefix) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no " + prefix);
    }

    @Test
    void theRuntimeStageRunsAsRootWithoutAWorkdirAsGitHubRequires() {
        assertFalse(finalStage.stream().anyMatch(line -> line.startsWith("USER ")), "GitHub runs container actions as root");
        assertFalse(finalStage.stream().anyMatch(line -> line.startsWith("WORKDIR ")), "the runner sets the working directory");
        assertTrue(finalStage.get(0).startsWith("FROM debian:bookworm-slim"));
    }

    @Test
    void theEntrypointIsTheScriptTheTestsRunAndItFindsTheJarWhereTheImagePutsIt() throws IOException {
        assertTrue(finalStage.contains("ENTRYPOINT [\"/entrypoint.sh\"]"));
        assertTrue(finalStage.contains("COPY entrypoint.sh /entrypoint.sh"));
        assertTrue(finalStage.contains("COPY --from=jar /build/target/neon-twin.jar /opt/neon-twin/neon-twin.jar"));
        String entrypoint = Files.readString(ActionMetadata.projectDir().resolve("entrypoint.sh"));
        assertTrue(entrypoint.contains("jar=\"${NEON_TWIN_JAR:-/opt/neon-twin/neon-twin.jar}\""));
        assertTrue(entrypoint.contains("cds_archive=\"${NEON_TWIN_CDS_ARCHIVE:-/opt/neon-twin/neon-twin.jsa}\""));
        assertTrue(String.join("\n", finalStage).contains("-XX:ArchiveClassesAtExit=/opt/neon-twin/neon-twin.jsa"));
    }

    @Test
    void itCarriesTheClientsOfEveryMajorFrom13To18FromPgdg() {
        Matcher majors = Pattern.compile("^ARG PG_MAJORS=\"([0-9 ]+)\"$", Pattern.MULTILINE).matcher(String.join("\n", dockerfile));
        assertTrue(majors.find());
        assertEquals("13 14 15 16 17 18", majors.group(1));
        String all = String.join("\n", dockerfile);
        assertTrue(all.contains("apt.postgresql.org/pub/repos/apt bookworm-pgdg main"));
        assertTrue(all.contains("for tool in pg_dump pg_restore pg_dumpall psql"));
    }

    @Test
    void theBuildContextHoldsWhatTheDockerfileCopiesAndNoMore() {
        List<String> ignore = read(".dockerignore").stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertEquals(List.of("*", "!pom.xml", "!src/main/", "!entrypoint.sh"), ignore);
        List<String> copiedFromContext = dockerfile.stream().filter(line -> line.startsWith("COPY ") && !line.startsWith("COPY --from"))
                .map(line -> line.split(" ")[1]).toList();
        assertEquals(List.of("pom.xml", "src/main", "entrypoint.sh"), copiedFromContext);
        assertTrue(Files.isRegularFile(Path.of(ActionMetadata.projectDir().toString(), "entrypoint.sh")));
    }
}
