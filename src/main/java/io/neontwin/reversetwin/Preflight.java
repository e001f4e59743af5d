package io.neontwin.reversetwin;

import io.neontwin.run.CleanupStack;
import io.neontwin.run.SessionSafety;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.connection.ServerInfo;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.report.DatabaseInfo;
import io.neontwin.run.RunListener;
import io.neontwin.run.TwinMarker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

/**
 * Everything before the plan, in this order: the history table's name is valid; the URLs do not name the same
 * database; the migrations folder reads; production answers (on a read-only session) and is not itself a twin; the
 * twin answers, is not production reached by another name, and is a twin of this production.
 */
final class Preflight {
    static final String MIGRATIONS_INPUT = "--migrations";

    /** What the later phases use; both sessions are closed by the engine. */
    record Context(List<Migration> migrations, HistoryTable historyTable, MigrationFormat format, Connection production,
                   Connection twin, DatabaseInfo productionInfo, DatabaseInfo twinInfo) {
    }

    private final ReverseTwinOptions options;
    private final Connector connector;
    private final RunListener listener;

    Preflight(ReverseTwinOptions options, Connector connector, RunListener listener) {
        this.options = options;
        this.connector = connector;
        this.listener = listener;
    }

    Context run(CleanupStack cleanup) throws SQLException {
        HistoryTable historyTable = HistoryTable.parse(options.historyTable() == null
                ? ReverseTwinOptions.DEFAULT_HISTORY_TABLE : options.historyTable());
        ConnectionSpec productionSpec = options.production();
        ConnectionSpec twinSpec = options.twin();
        SessionSafety.refuseSameDatabaseByUrl(productionSpec, twinSpec);
        List<Migration> files = MigrationFolder.load(options.migrationsDir(), MIGRATIONS_INPUT);
        SessionSafety.poolerWarning(productionSpec).ifPresent(listener::warning);

        String probe = SessionSafety.applicationNameProbe();
        Connection production = connector.open(productionSpec.withParameter("application_name", probe));
        cleanup.push(production);
        try (Statement statement = production.createStatement()) {
            statement.execute("SET default_transaction_read_only = on"); // the plan only reads; the apply has its own session
        }
        ServerInfo productionServer = ServerInfo.of(production);
        MigrationFormats.Choice choice = MigrationFormats.choose(options.historyTable(), production, files);
        historyTable = choice.table();
        MigrationFormat format = choice.format();
        if (format != NeonTwinFormat.INSTANCE) {
            listener.info("history: " + format.name() + "'s " + historyTable.display() + ", written as " + format.name() + " writes it");
        }
        // the checksum production's history holds is the one its tool computes
        List<Migration> migrations = files.stream().map(m -> m.withChecksum(format.checksum(m))).toList();
        refuseTwinAsProduction(production);

        Connection twin = connector.open(twinSpec);
        cleanup.push(twin);
        ServerInfo twinServer = ServerInfo.of(twin);
        if (seesSession(twin, probe, twinServer.database())) {
            throw SessionSafety.sameDatabase(productionSpec, twinSpec);
        }
        judgeTwin(twin);
        warnOnVersionGap(productionServer, twinServer);
        return new Context(migrations, historyTable, format, production, twin, databaseInfo(productionSpec, productionServer),
                databaseInfo(twinSpec, twinServer));
    }

    /** Production's database carrying a twin's marker means the URLs were swapped: migrating it would be wrong. */
    private void refuseTwinAsProduction(Connection production) throws SQLException {
        String comment = TwinMarker.commentOfCurrentDatabase(production);
        if (comment != null && comment.startsWith(TwinMarker.PREFIX)) {
            String mirrors = TwinMarker.fromComment(comment).map(m -> "a twin of " + m.mirrors()).orElse("marked as a twin");
            String input = options.production().inputName();
            throw new UserError(ExitCode.SAFETY, input + " points at a Neon twin (" + options.production().describe() + " is "
                    + mirrors + "), not production; refusing to migrate it: swap the URLs, " + input
                    + " is the database to migrate and " + options.twin().inputName() + " its twin.");
        }
    }

    /** A twin of another production is refused unless --force; a database without a marker is only warned about. */
    private void judgeTwin(Connection twin) throws SQLException {
        String input = options.twin().inputName();
        String identity = TwinMarker.identityOf(options.production());
        Optional<TwinMarker> marker = TwinMarker.fromComment(TwinMarker.commentOfCurrentDatabase(twin));
        if (marker.isEmpty()) {
            listener.warning(input + "'s database '" + options.twin().database() + "' has no neon-twin marker: it is not a twin "
                    + "made by neon-twin, so the rehearsal shows how the migrations run there, not necessarily on production");
            return;
        }
        if (!marker.get().mirrors().equals(identity)) {
            if (!options.force()) {
                throw new UserError(ExitCode.SAFETY, input + "'s database '" + options.twin().database() + "' is a twin of "
                        + marker.get().mirrors() + ", not of " + identity + "; point " + input + " at this production's twin, "
                        + "or pass --force (input force) to rehearse on it anyway.");
            }
            listener.warning("rehearsing on a twin of another production (" + marker.get().mirrors() + ") because of --force");
        }
    }

    /**
     * A twin on another major version (Neon's newest, production's older) rehearses on that version: a statement only
     * the newer server accepts, or one that behaves differently there, passes the rehearsal and not production.
     */
    private void warnOnVersionGap(ServerInfo production, ServerInfo twin) {
        if (production.major() != twin.major()) {
            listener.warning("the twin runs PostgreSQL " + twin.major() + " and production " + production.major()
                    + ": the rehearsal proves the migrations on " + twin.major() + ", so SQL that only PostgreSQL "
                    + Math.max(twin.major(), production.major()) + " accepts can pass it and still fail on production");
        }
    }

    /** The twin's server sees production's session in the twin's database: the two URLs reach one database. */
    private static boolean seesSession(Connection twin, String applicationName, String database) throws SQLException {
        try (PreparedStatement statement = twin.prepareStatement(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = ? AND datname = ?")) {
            statement.setString(1, applicationName);
            statement.setString(2, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private static DatabaseInfo databaseInfo(ConnectionSpec spec, ServerInfo server) {
        return new DatabaseInfo(spec.primaryHost().host(), spec.primaryHost().port(), spec.database(), server.version(),
                server.major(), null);
    }
}
