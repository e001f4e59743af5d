package io.neontwin.report;

/** The pg_dump and pg_restore the run used, and why that major. */
public record ClientInfo(String version, int major, String pgDump, String pgRestore) {
}
