package io.neontwin.diff;

import io.neontwin.catalog.CatalogReader;
import io.neontwin.catalog.SchemaModel;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The diff between two live databases: each schema read from its catalogs, then compared. This is what the faces
 * (the command, and later the action's direction: diff and drift detection) call.
 */
public final class DatabaseDiff {
    private final Connector connector;

    public DatabaseDiff(Connector connector) {
        this.connector = connector;
    }

    /**
     * @param privileges compare grants too
     * @throws UserError naming the input for a database that cannot be reached or read
     */
    public SchemaDiff between(ConnectionSpec from, ConnectionSpec to, boolean privileges) {
        return SchemaDiffer.between(read(from, privileges), read(to, privileges));
    }

    /** One database's schema model. */
    public SchemaModel read(ConnectionSpec database, boolean privileges) {
        try (Connection connection = connector.open(database)) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            if (major < CatalogReader.OLDEST_MAJOR) {
                throw new UserError(ExitCode.CLIENT_VERSION, database.inputName() + ": " + database.describe() + " runs PostgreSQL "
                        + major + ", and the diff reads the catalogs of PostgreSQL " + CatalogReader.OLDEST_MAJOR
                        + " and later; diff a twin of it on a newer version.");
            }
            return CatalogReader.read(connection, privileges);
        } catch (SQLException failure) {
            throw unreadable(database, failure);
        }
    }

    private static RuntimeException unreadable(ConnectionSpec database, SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.equals("42501")) {
            return new UserError(ExitCode.PRIVILEGE, database.inputName() + ": the role cannot read the catalogs of "
                    + database.describe() + " (" + failure.getMessage() + "); connect as a role that can read pg_catalog.", failure);
        }
        if (state.startsWith("08")) {
            return new UserError(ExitCode.CONNECTION, database.inputName() + ": the connection to " + database.describe()
                    + " was lost while its schema was read (" + failure.getMessage() + "); run the diff again.", failure);
        }
        return new IllegalStateException("reading the schema of " + database.describe() + " failed: " + failure.getMessage(), failure);
    }
}
