package io.neontwin.reversetwin;

import java.util.List;

/**
 * One migration file, read and split.
 *
 * @param version       the version as written in the file name ("12", "1.2", "20241124_1" written as V20241124_1__)
 * @param description   the rest of the name, underscores as spaces
 * @param file          path relative to the migrations folder, with '/' separators
 * @param text          the file's full text (UTF-8)
 * @param checksum      SHA-256 of the file's bytes, lower-case hex
 * @param statements    its statements in order (explicit BEGIN/COMMIT around the whole file removed)
 * @param transactional false when a statement cannot run inside a transaction block (CREATE INDEX CONCURRENTLY,
 *                      DROP INDEX CONCURRENTLY, REINDEX CONCURRENTLY, VACUUM, ALTER SYSTEM, CREATE DATABASE, ...)
 */
public record Migration(MigrationVersion version, String description, String file, String text, String checksum,
                        List<SqlStatement> statements, boolean transactional) {
    /** The same migration with the checksum its history's tool computes. */
    Migration withChecksum(String value) {
        return new Migration(version, description, file, text, value, statements, transactional);
    }
}
