package io.neontwin.face;

import io.neontwin.connection.ConnectionRetry;
import io.neontwin.report.Bytes;
import io.neontwin.report.PhaseTiming;
import io.neontwin.report.ReverseTwinReport;
import io.neontwin.report.TableReport;
import io.neontwin.report.TwinReport;
import io.neontwin.secrets.Secrets;
import io.neontwin.twin.DataProgress;
import io.neontwin.twin.PlanPrinter;
import io.neontwin.twin.ProgressListener;
import io.neontwin.twin.TwinPlan;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * Progress for people: the plan, one line per phase, and during the data phase either a live bar (a terminal)
 * or a line every few seconds (CI logs, where a bar would print thousands of lines).
 */
public final class ConsoleProgress implements ProgressListener {
    private static final int BAR_WIDTH = 30;
    private static final long LINE_INTERVAL_MS = 5_000;

    private final PrintWriter out;
    private final boolean live;
    private long lastLine;
    private boolean barShown;

    public ConsoleProgress(PrintWriter out, boolean live) {
        this.out = out;
        this.live = live;
    }

    /**
     * Whether a live bar can redraw in place. On Java 22+ a console object exists even when output is redirected,
     * so its isTerminal() (22+, called by reflection because the code targets 21) decides; CI logs never get a bar.
     */
    public static boolean stdoutIsTerminal() {
        java.io.Console console = System.console();
        if (console == null || System.getenv("CI") != null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJava) {
            return true; // Java 21 returns a console only for a terminal
        }
    }

    @Override
    public synchronized void planReady(TwinPlan plan) {
        print(PlanPrinter.render(plan));
    }

    @Override
    public synchronized void phaseStarted(String phase) {
        endBar();
        print("==> " + phase);
    }

    @Override
    public synchronized void phaseFinished(String phase, double seconds) {
        endBar();
        print(String.format(Locale.ROOT, "    %s done in %.1f s", phase, seconds));
    }

    @Override
    public synchronized void dataProgress(DataProgress p) {
        long now = System.currentTimeMillis();
        String eta = p.etaSeconds() < 0 ? "?" : formatSeconds(p.etaSeconds());
        String figures = String.format(Locale.ROOT, "%d/%d tables, %s, %,d rows, %.1f MB/s, ETA %s",
                p.tablesDone(), p.tablesTotal(), Bytes.human(p.bytesDone()), p.rowsDone(), p.megabytesPerSecond(), eta);
        if (live) {
            int filled = (int) Math.round(p.fraction() * BAR_WIDTH);
            out.print("\r    [" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + figures + "   ");
            out.flush();
            barShown = true;
        } else if (now - lastLine >= LINE_INTERVAL_MS || p.tablesDone() == p.tablesTotal()) {
            lastLine = now;
            print("    data: " + figures);
        }
    }

    @Override
    public synchronized void warning(String message) {
        endBar();
        print("warning: " + message);
    }

    @Override
    public synchronized void info(String message) {
        endBar();
        print("    " + message);
    }

    @Override
    public synchronized void connectionRetry(ConnectionRetry retry) {
        endBar();
        print("    " + retry.describe());
    }

    public synchronized void printSummary(TwinReport report) {
        endBar();
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%nTwin %s in %.1f s", report.outcome().label(), report.durationSeconds()));
        if (report.totals() != null) {
            text.append(String.format(Locale.ROOT, ": %d tables, %,d rows, %s", report.totals().tables(),
                    report.totals().rows(), Bytes.human(report.totals().bytes())));
        }
        text.append('\n');
        for (PhaseTiming phase : report.phases()) {
            text.append(String.format(Locale.ROOT, "  %-10s %8.1f s%n", phase.phase(), phase.seconds()));
        }
        int shown = 0;
        for (TableReport table : report.tables()) {
            if (shown++ == 5) {
                break;
            }
            text.append(String.format(Locale.ROOT, "  %-40s %,14d rows %10s %6.1f s%n", table.qualifiedName(), table.rows(),
                    Bytes.human(table.bytes()), table.seconds()));
        }
        if (report.verification() != null) {
            text.append("  verify (").append(report.verification().mode()).append("): ")
                    .append(report.verification().passed() ? "passed" : "FAILED").append('\n');
        }
        print(text.toString());
    }

    /** The closing lines of a reverse-twin run: see {@link ReverseTwinSummary}. */
    public synchronized void printSummary(ReverseTwinReport report) {
        endBar();
        print(ReverseTwinSummary.render(report));
    }

    private void endBar() {
        if (barShown) {
            out.println();
            barShown = false;
        }
    }

    private void print(String text) {
        out.println(Secrets.redact(text));
        out.flush();
    }

    static String formatSeconds(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
