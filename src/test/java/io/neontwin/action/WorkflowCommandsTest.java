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

    @Test
    void fileAnnotationsEscapePropertyValuesAndKeepFileLineTitleOrder() {
        assertEquals("::error file=migrations/V1__a%2Cb%3Ac.sql,line=4,title=Migration failed on production::50%25 done%0Anext",
                WorkflowCommands.error("Migration failed on production", "migrations/V1__a,b:c.sql", 4, "50% done\nnext"));
        assertEquals("::warning file=migrations/V6__x.sql,line=1,title=Migration hazard%3A table-rewrite::Rewrites the table.",
                WorkflowCommands.warning("Migration hazard: table-rewrite", "migrations/V6__x.sql", 0, "Rewrites the table."));
    }
}
