package io.neontwin.action;

import io.neontwin.secrets.Secrets;

import java.io.PrintWriter;

/**
 * The step's log. Everything the action prints goes through here, redacted, so that workflow commands and plain
 * lines keep their order and a {@code ::group::} is always closed before the next opens (groups do not nest).
 */
public final class ActionLog {
    private final PrintWriter out;
    private boolean groupOpen;

    public ActionLog(PrintWriter out) {
        this.out = out;
    }

    /** Masks are printed raw: redacting them would print "***" and mask nothing. */
    public synchronized void mask(String secret) {
        print(WorkflowCommands.addMask(secret));
    }

    public synchronized void startGroup(String title) {
        endGroup();
        print(WorkflowCommands.group(Secrets.redact(title)));
        groupOpen = true;
    }

    public synchronized void endGroup() {
        if (groupOpen) {
            print(WorkflowCommands.endGroup());
            groupOpen = false;
        }
    }

    public synchronized void line(String text) {
        print(Secrets.redact(text));
    }

    public synchronized void warning(String message) {
        print(WorkflowCommands.warning(Secrets.redact(message)));
    }

    /** An annotation on the run's page; printed outside any group so the log shows it where it happened. */
    public synchronized void error(String title, String message) {
        endGroup();
        print(WorkflowCommands.error(Secrets.redact(title), Secrets.redact(message)));
    }

    /** An error annotation on a file's line (a migration that failed). */
    public synchronized void error(String title, String file, int line, String message) {
        endGroup();
        print(WorkflowCommands.error(Secrets.redact(title), file, line, Secrets.redact(message)));
    }

    /** A warning annotation on a file's line (a migration hazard). */
    public synchronized void warning(String title, String file, int line, String message) {
        print(WorkflowCommands.warning(Secrets.redact(title), file, line, Secrets.redact(message)));
    }

    /** A writer for code that prints plain lines (the CLI's progress): redacted like every other line. */
    public PrintWriter writer() {
        return out;
    }

    private void print(String line) {
        out.println(line);
        out.flush();
    }
}
