package io.neontwin.run;

import io.neontwin.connection.ConnectionSpec;

/**
 * Where the reverse twin can rehearse for real: a throwaway copy of the twin (a Neon branch) on which migrations are
 * committed exactly as on production, then thrown away. An interface here so the engine knows nothing of Neon; the
 * Neon implementation lives in io.neontwin.neon.
 */
public interface RehearsalBranches {

    /** Creates a copy of the twin as it is now, ready to connect to; it expires by itself should close() not run. */
    RehearsalBranch create(ConnectionSpec twin);

    /** One throwaway copy: close() deletes it. */
    interface RehearsalBranch extends AutoCloseable {
        /** The twin's connection string, pointed at the copy. */
        ConnectionSpec connection();

        /** How the copy is named where it lives (for the log and the report). */
        String name();

        @Override
        void close();
    }
}
