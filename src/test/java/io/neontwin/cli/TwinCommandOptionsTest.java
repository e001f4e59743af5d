package io.neontwin.cli;

import io.neontwin.twin.CopyFormat;
import io.neontwin.twin.TwinOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The twin command's options become the engine's options: the engine reads nothing from the environment itself. */
class TwinCommandOptionsTest {

    private static TwinOptions parse(String... extra) {
        CommandLine commandLine = TwinCommand.commandLine();
        String[] args = new String[extra.length + 2];
        args[0] = "--production-url=postgresql://reader@production.example/app";
        args[1] = "--twin-url=postgresql://writer@twin.example/app";
        System.arraycopy(extra, 0, args, 2, extra.length);
        commandLine.parseArgs(args);
        return ((TwinCommand) commandLine.getCommand()).toOptions();
    }

    @Test
    void textCopyIsAnOptionOfTheCommandNotAVariableTheEngineReads() {
        assertEquals(CopyFormat.TEXT, parse("--copy-format", "text").copyFormat());
    }

    @Test
    void withoutItBinaryCopyIsUsedWhereSafe() {
        assertEquals(CopyFormat.AUTO, parse().copyFormat()); // the suite does not set NEON_TWIN_COPY_FORMAT
    }

    @Test
    void theCopyFormatIsNotShownByHelp() {
        assertFalse(TwinCommand.commandLine().getUsageMessage().contains("copy-format"));
    }
}
