package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.pgclient.PgClient;
import io.neontwin.pgclient.PgProcess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Production's schema, dumped by pg_dump from the exported snapshot into a small custom-format archive (the schema
 * only: data never touches disk), and its table of contents.
 */
final class SchemaDump {
    /** pg_dump's session, and the sessions that create the schema in the twin: an administrator sees what they serve. */
    static final String SESSION_NAME = "neon-twin schema";

    private final Path archive;
    private final List<TocEntry> entries;

    private SchemaDump(Path archive, List<TocEntry> entries) {
        this.archive = archive;
        this.entries = entries;
    }

    /** @param selectionArguments what to leave out (from {@link RelationSelection#pgDumpArguments()}) */
    static SchemaDump create(PgClient client, ConnectionSpec production, String snapshotId, List<String> selectionArguments,
                             WorkFolder work) {
        Path archive = work.schemaArchive();
        List<String> arguments = new ArrayList<>(List.of(
                "--schema-only", "--format=custom", "--no-owner", "--no-acl", "--no-security-labels",
                // names and bodies in UTF-8 whatever production's encoding: the engine reads the archive's listing and
                // scripts as UTF-8, pgjdbc only talks UTF-8, and the twin's server converts back into its own encoding
                "--encoding=UTF8",
                "--snapshot=" + snapshotId, "--lock-wait-timeout=" + SnapshotSession.LOCK_TIMEOUT,
                "--file=" + archive));
        arguments.addAll(selectionArguments);
        arguments.add("--dbname=" + production.withParameter("application_name", SESSION_NAME).libpqConninfo());
        PgProcess.run(client.pgDump(), arguments, production.libpqEnvironment(), null);
        return new SchemaDump(archive, list(client, archive, work.schemaListing()));
    }

    private static List<TocEntry> list(PgClient client, Path archive, Path listing) {
        PgProcess.run(client.pgRestore(), List.of("--list", archive.toString()), java.util.Map.of(), listing);
        try {
            List<TocEntry> entries = new ArrayList<>();
            for (String line : Files.readAllLines(listing, StandardCharsets.UTF_8)) {
                TocEntry.parse(line).ifPresent(entries::add);
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path archive() {
        return archive;
    }

    List<TocEntry> entries() {
        return entries;
    }
}
