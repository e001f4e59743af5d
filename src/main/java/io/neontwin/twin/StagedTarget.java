package io.neontwin.twin;

import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.ServerInfo;
import io.neontwin.run.TwinMarker;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where a twin is built and how it takes the previous twin's place: the engine builds the new twin in a staging
 * place, and only a swap makes it the twin, so developers never see a half-built one. Today's implementation is a
 * database beside the twin on the same server, swapped in by renames ({@link TwinTarget}); a Neon branch is
 * meant to be another.
 */
interface StagedTarget extends AutoCloseable {
    /** The server the twin lives on: its version decides what the restore may use. */
    ServerInfo server();

    /** Takes this run's lock on the target; false when another run holds it. Held until {@link #close()}. */
    boolean tryLock() throws SQLException;

    /** The marker of the twin in place, when there is a twin made by neon-twin. */
    Optional<TwinMarker> currentMarker() throws SQLException;

    /** Removes what an interrupted run left (a staging place, a previous twin a swap did not drop), saying so. */
    void dropLeftovers(Consumer<String> info) throws SQLException;

    /** Makes the empty staging place, marked as being built. */
    void createStaging(ServerInfo production, TwinMarker building, Consumer<String> warnings) throws SQLException;

    /** How the engine's sessions reach the staging place. */
    ConnectionSpec stagingSpec();

    /** The staging place's name, for messages. */
    String stagingDatabase();

    /** Puts production's database-level settings on the staging place; returns how many it took. */
    int applySettings(List<String> settings, Consumer<String> warnings) throws SQLException;

    /** Makes the staging place the twin, marked ready; the previous twin is gone afterwards. */
    void swap(TwinMarker ready, Consumer<String> info) throws SQLException;

    /** Removes the staging place of a run that failed; the previous twin stays as it was. */
    void dropStaging() throws SQLException;

    /** The twin's size in bytes, for the report. */
    long twinSize() throws SQLException;

    /** Releases the lock and the sessions; best effort. */
    @Override
    void close();
}
