package io.neontwin.action;

import io.neontwin.face.ConsoleProgress;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.TwinReport;
import io.neontwin.twin.DataProgress;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinPlan;

/**
 * The engine's progress in a GitHub log: the plan and each phase fold into a {@code ::group::} (a long copy stays
 * one line per phase until opened), warnings become {@code ::warning::} annotations, and the lines inside are the
 * CLI's own (a line every few seconds, never a live bar, which a log would turn into thousands of lines).
 */
final class ActionProgress implements ProgressListener {
    private final ActionLog log;
    private final ConsoleProgress lines;

    ActionProgress(ActionLog log) {
        this.log = log;
        this.lines = new ConsoleProgress(log.writer(), false);
    }

    @Override
    public synchronized void planReady(TwinPlan plan) {
        log.startGroup("Plan: " + plan.tables().size() + " tables");
        lines.planReady(plan);
        log.endGroup();
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        log.startGroup("Phase: " + phase);
    }

    @Override
    public synchronized void phaseFinished(String phase, double seconds) {
        lines.phaseFinished(phase, seconds);
        log.endGroup();
    }

    @Override
    public synchronized void dataProgress(DataProgress progress) {
        lines.dataProgress(progress);
    }

    @Override
    public synchronized void warning(String message) {
        log.warning(message);
    }

    @Override
    public synchronized void info(String message) {
        lines.info(message);
    }

    @Override
    public synchronized void connectionRetry(io.neontwin.connection.ConnectionRetry retry) {
        lines.connectionRetry(retry);
    }

    /** The CLI's closing summary, outside any group so it is visible without a click. */
    synchronized void printSummary(TwinReport report) {
        log.endGroup();
        lines.printSummary(report);
    }

    /** The CLI's closing summary of a reverse-twin run, outside any group. */
    synchronized void printSummary(ReverseTwinReport report) {
        log.endGroup();
        lines.printSummary(report);
    }
}
