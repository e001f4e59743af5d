package io.neontwin.action;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WorkflowCommandsTest {
    @Test
    void dataEscapesPercentCarriageReturnAndLineFeedSoOneCommandStaysOneLine() {
        assertEquals("::warning::100%25 done%0D%0Anext line: a, b", WorkflowCommands.warning("100% done\r\nnext line: a, b"));
    }

    @Test
    void propertiesAlsoEscapeColonAndComma() {
        assertEquals("::error title=Twin failed in data%3A copy%2C 50%25::lost: connection, 50%25",
                WorkflowCommands.error("Twin failed in data: copy, 50%", "lost: connection, 50%"));
    }

    @Test
    void aMultiLineSecretIsMaskedAsOneValue() {
        assertEquals("::add-mask::pa%0Ass", WorkflowCommands.addMask("pa\nss"));
    }

    @Test
    void groupsOpenAndClose() {
        assertEquals("::group::Phase: data", WorkflowCommands.group("Phase: data"));
        assertEquals("::endgroup::", WorkflowCommands.endGroup());
    }
}
