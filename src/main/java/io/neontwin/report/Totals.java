package io.neontwin.report;

/** Sums over all tables; megabytesPerSecond is data-phase throughput (bytes / data phase seconds / 10^6). */
public record Totals(int tables, long rows, long bytes, double megabytesPerSecond) {
}
