package io.neontwin.cli;

import io.neontwin.report.ToolVersion;
import picocli.CommandLine;

/** What `neon-twin --version` prints. */
public final class Version {
    private Version() {
    }

    public static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"neon-twin " + ToolVersion.current()};
        }
    }
}
