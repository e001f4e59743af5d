package io.neontwin.init;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Random;

import static io.neontwin.init.InitTesting.CATALOG;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The questions init asks at a terminal: Enter keeps the value shown, a value not allowed is explained and asked again. */
class InitQuestionsTest {
    @Test
    void answersSetTheOptionsAndAWrongAnswerIsAskedAgain() {
        String answers = String.join("\n",
                "",            // action-ref: kept
                "61 3 * * *",  // schedule: refused, asked again
                "17 3 * * *",
                "true",        // refresh-on-merge
                "public.audit_log, public.sessions",
                "yes",         // slack-webhook-url: refused, asked again
                "true",
                "",            // ca-certificate
                "",            // runner
                "true",        // reverse: its own questions follow
                "",            // apply-on-merge
                "prod",        // environment
                "") + "\n";    // refresh-after-apply
        StringWriter out = new StringWriter();
        WorkflowOptions defaults = WorkflowOptions.defaults(CATALOG, new Random());

        WorkflowOptions options = new InitQuestions(new BufferedReader(new StringReader(answers)), new PrintWriter(out, true)).ask(defaults);

        assertEquals("17 3 * * *", options.value("schedule"));
        assertTrue(options.isOn("refresh-on-merge"));
        assertEquals("public.audit_log,public.sessions", options.value("exclude-table-data"));
        assertTrue(options.isOn("slack-webhook-url"));
        assertTrue(options.isOn("reverse"));
        assertEquals("prod", options.value("environment"));
        assertEquals(defaults.value("action-ref"), options.value("action-ref"));
        assertTrue(out.toString().contains("the minute field '61' is outside 0-59; try again"), out.toString());
        assertTrue(out.toString().contains("'yes' is not true or false; try again"), out.toString());
    }

    @Test
    void theReverseTwinQuestionsAreSkippedWhenItIsOff() {
        String answers = "\n".repeat(InitQuestions.ASKED.size());
        StringWriter out = new StringWriter();

        new InitQuestions(new BufferedReader(new StringReader(answers)), new PrintWriter(out, true)).ask(WorkflowOptions.defaults(CATALOG, new Random()));

        assertFalse(out.toString().contains("environment ["), out.toString());
    }
}
