package io.neontwin.report;

/**
 * A database as the report names it: where (never with credentials), which server version, how large.
 *
 * @param serverVersion the server's version string, e.g. "15.8"
 * @param major         the server's major version, e.g. 15
 * @param sizeBytes     pg_database_size, or null where it was not measured
 */
public record DatabaseInfo(String host, int port, String database, String serverVersion, int major, Long sizeBytes) {
}
