package io.neontwin.cli;

import picocli.CommandLine;

/** The tool's version, from the jar's manifest (Maven's project version) or "dev" when run from classes. */
public final class Version {
    private Version() {
    }

    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"neon-twin " + current()};
        }
    }
}
