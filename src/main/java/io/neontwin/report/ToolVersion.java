package io.neontwin.report;

/** The tool's version, from the jar's manifest (Maven's project version), or "dev" when run from classes. */
public final class ToolVersion {
    private ToolVersion() {
    }

    public static String current() {
        String version = ToolVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
