package io.neontwin.twin;

import io.neontwin.run.TwinMarker;
import io.neontwin.connection.ConnectionSpec;
import io.neontwin.connection.Connector;
import io.neontwin.connection.ServerInfo;
import io.neontwin.errors.ErrorText;
import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The twin's server, reached through a maintenance database ("postgres"), because the twin database itself is
 * created, renamed and dropped. The new twin is built in a staging database beside the current one and swapped in
 * with two renames in one transaction, so developers see either the previous twin or the new one, never a half-built
 * one; a run that dies (even by SIGKILL) leaves only a staging database, which the next run drops.
 */
final class TwinTarget implements StagedTarget {
    private static final int MAX_IDENTIFIER_BYTES = 63;
    private static final int SWAP_ATTEMPTS = 5;

    private final Connector connector;
    private final ConnectionSpec twin;
    private final Connection maintenance;
    private final ServerInfo server;

    private TwinTarget(Connector connector, ConnectionSpec twin, Connection maintenance, ServerInfo server) {
        this.connector = connector;
        this.twin = twin;
        this.maintenance = maintenance;
        this.server = server;
    }

    static TwinTarget open(Connector connector, ConnectionSpec twin) throws SQLException {
        String maintenanceDatabase = twin.database().equals("postgres") ? "template1" : "postgres";
        Connection connection;
        try {
            connection = connector.open(twin, maintenanceDatabase);
        } catch (UserError error) {
            if (error.exitCode() != ExitCode.DATABASE_NOT_FOUND && error.exitCode() != ExitCode.PRIVILEGE) {
                throw error;
            }
            throw new UserError(ExitCode.PRIVILEGE, twin.inputName() + ": the role must be able to connect to the '"
                    + maintenanceDatabase + "' database on the twin's server, to create and swap the twin database; grant it CONNECT there.", error);
        }
        return new TwinTarget(connector, twin, connection, ServerInfo.of(connection));
    }

    @Override
    public ServerInfo server() {
        return server;
    }

    /** The flag or input the twin's URL came from, for messages. */
    String inputName() {
        return twin.inputName();
    }

    /** The role the twin's sessions run as (the URL may leave the user to libpq's defaults). */
    String role() throws SQLException {
        try (Statement statement = maintenance.createStatement(); ResultSet row = statement.executeQuery("SELECT current_user")) {
            row.next();
            return row.getString(1);
        }
    }

    String twinDatabase() {
        return twin.database();
    }

    @Override
    public String stagingDatabase() {
        return suffixed("__twin_staging");
    }

    String previousDatabase() {
        return suffixed("__twin_previous");
    }

    private String suffixed(String suffix) {
        String base = twin.database();
        // identifiers are cut at 63 bytes by the server; cut the base so the suffix survives
        while (base.getBytes(StandardCharsets.UTF_8).length + suffix.length() > MAX_IDENTIFIER_BYTES) {
            base = base.substring(0, base.length() - 1);
        }
        return base + suffix;
    }

    /** One run per twin at a time: a session-level advisory lock, released when this connection ends, even by a crash. */
    @Override
    public boolean tryLock() throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement(
                "SELECT pg_try_advisory_lock(hashtext('neon-twin'), hashtext(?))")) {
            statement.setString(1, twin.database());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    boolean exists(String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    Optional<TwinMarker> marker(String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? TwinMarker.fromComment(row.getString(1)) : Optional.empty();
            }
        }
    }

    /** What a user created in a database, for deciding whether it is empty: how many objects, and a few of them by name. */
    record UserObjects(long count, List<String> examples) {
        boolean none() {
            return count == 0;
        }
    }

    /**
     * Every object a user created in the database, of any kind: schemas, relations, functions, types, extensions
     * (beyond plpgsql), large objects, operators, casts, publications... An object is the user's when its oid is
     * past initdb's range (FirstNormalObjectId, 16384), it is not a part the server made for another object (a
     * table's row type, an array type, a TOAST table: internal dependencies) nor a member of a counted extension, and
     * template1 does not have it too (what a provider puts in template1, every new database gets).
     */
    UserObjects userObjects(String database) throws SQLException {
        List<String> inTemplate = objectsOfTemplate();
        try (Connection connection = connector.open(twin, database);
             PreparedStatement statement = connection.prepareStatement("SELECT count(*) OVER (), what FROM (" + describedObjects()
                     + ") objects WHERE what <> ALL (?) ORDER BY rank, objid LIMIT 5")) {
            statement.setArray(1, connection.createArrayOf("text", inTemplate.toArray()));
            long count = 0;
            List<String> examples = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    count = rows.getLong(1);
                    examples.add(rows.getString(2));
                }
            }
            return new UserObjects(count, examples);
        }
    }

    /** The objects template1 holds beyond initdb's, or none when the role may not connect to it. */
    private List<String> objectsOfTemplate() {
        List<String> objects = new ArrayList<>();
        try (Connection connection = connector.open(twin, "template1"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(describedObjects())) {
            while (rows.next()) {
                objects.add(rows.getString("what"));
            }
        } catch (SQLException | RuntimeException unreachable) {
            // without template1 to compare with, everything past initdb's counts as the user's: the safe side
        }
        return objects;
    }

    /** A query for the objects past initdb's that are not parts of others: rank (of the catalog), objid, what (description). */
    private static String describedObjects() {
        StringBuilder union = new StringBuilder();
        for (int rank = 0; rank < USER_OBJECT_CATALOGS.length; rank++) {
            String[] catalog = USER_OBJECT_CATALOGS[rank];
            if (!union.isEmpty()) {
                union.append(" UNION ALL ");
            }
            // large objects are described by pg_largeobject, though their list is pg_largeobject_metadata
            String describedAs = catalog[0].equals("pg_largeobject_metadata") ? "pg_largeobject" : catalog[0];
            union.append("SELECT ").append(rank).append(" AS rank, '").append(describedAs).append("'::regclass AS classid, oid AS objid FROM ")
                    .append(catalog[0]).append(" WHERE ").append(catalog.length > 1 ? catalog[1] : USER_OID);
        }
        return "SELECT rank, objid, pg_describe_object(classid, objid, 0) AS what FROM (" + union + ") o"
                + " WHERE NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.classid AND d.objid = o.objid AND d.deptype IN ('i', 'e'))";
    }

    /** Objects initdb made have oids below FirstNormalObjectId; everything created later has one at or above it. */
    private static final String USER_OID = "oid >= 16384";

    /** The catalogs a user's objects live in, with what narrows each to the user's (default: {@link #USER_OID}). */
    private static final String[][] USER_OBJECT_CATALOGS = {
            {"pg_namespace", USER_OID + " AND nspname NOT LIKE 'pg\\_%'"},
            {"pg_class"},
            {"pg_proc"},
            {"pg_type"},
            {"pg_extension", USER_OID + " AND extname <> 'plpgsql'"},
            {"pg_largeobject_metadata", "true"}, // a large object's oid may be any the user chose
            {"pg_operator"},
            {"pg_opfamily"},
            {"pg_opclass"},
            {"pg_am"},
            {"pg_cast"},
            {"pg_collation"},
            {"pg_conversion"},
            {"pg_language", USER_OID + " AND lanname <> 'plpgsql'"},
            {"pg_ts_config"},
            {"pg_ts_dict"},
            {"pg_ts_parser"},
            {"pg_ts_template"},
            {"pg_foreign_data_wrapper"},
            {"pg_foreign_server"},
            {"pg_event_trigger"},
            {"pg_publication"},
            {"pg_statistic_ext"},
            {"pg_default_acl"},
            {"pg_transform"},
    };

    /** Whether the database is a template (template0, template1, or one marked so): never a twin. */
    boolean isTemplate(String database) throws SQLException {
        return queryBoolean("SELECT datistemplate FROM pg_database WHERE datname = ?", database);
    }

    /** Whether the twin's role may create databases (CREATEDB, or superuser): the new twin is built in a staging database. */
    boolean mayCreateDatabases() throws SQLException {
        return queryBoolean("SELECT rolsuper OR rolcreatedb FROM pg_roles WHERE rolname = current_user", null);
    }

    /** The database's owner when the twin's role may not act as it (rename and drop it), or empty when it may. */
    Optional<String> foreignOwner(String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement("""
                SELECT pg_get_userbyid(datdba) FROM pg_database
                WHERE datname = ? AND NOT pg_has_role(current_user, datdba, 'USAGE')""")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * The roles of client sessions on the database that the twin's role may not end with pg_terminate_backend: a
     * superuser's, unless it is one; another role's, unless it acts as that role or holds pg_signal_backend. (Other
     * roles' sessions show their backend_type only to pg_read_all_stats, hence the coalesce.)
     */
    List<String> rolesOfSessionsItCannotEnd(String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement("""
                SELECT DISTINCT a.usename FROM pg_stat_activity a JOIN pg_roles r ON r.oid = a.usesysid
                WHERE a.datname = ? AND a.pid <> pg_backend_pid() AND coalesce(a.backend_type, 'client backend') = 'client backend'
                  AND NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                  AND (r.rolsuper OR NOT (pg_has_role(current_user, r.oid, 'USAGE')
                                          OR pg_has_role(current_user, 'pg_signal_backend', 'USAGE')))
                ORDER BY 1""")) {
            statement.setString(1, database);
            List<String> roles = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            return roles;
        }
    }

    private boolean queryBoolean(String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (ResultSet row = statement.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }

    Set<String> availableExtensions() throws SQLException {
        return strings("SELECT name FROM pg_available_extensions");
    }

    Set<String> roles() throws SQLException {
        return strings("SELECT rolname FROM pg_roles");
    }

    /** Whether a session with this application_name is connected to the given database of this server. */
    boolean seesSession(String applicationName, String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement(
                "SELECT 1 FROM pg_stat_activity WHERE application_name = ? AND datname = ?")) {
            statement.setString(1, applicationName);
            statement.setString(2, database);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> values = new HashSet<>();
        try (Statement statement = maintenance.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /** Drops what an interrupted run left: its staging database, and a previous twin whose drop did not happen. */
    @Override
    public void dropLeftovers(Consumer<String> info) throws SQLException {
        if (exists(stagingDatabase())) {
            info.accept("dropping " + stagingDatabase() + " left by an interrupted run");
            drop(stagingDatabase());
        }
        if (exists(previousDatabase())) {
            if (marker(previousDatabase()).isPresent()) {
                info.accept("dropping " + previousDatabase() + " left by an interrupted swap");
                drop(previousDatabase());
            }
        }
    }

    /**
     * The encoding and locale the staging database gets: production's encoding always (every server encoding can be
     * created from template0), production's locale where the twin's server lists it for that encoding, else a
     * fallback: the server's own locale when it suits the encoding, or C, which suits every encoding.
     *
     * @param warning what the plan says when the twin cannot have production's locale
     */
    record StagingLocale(String encoding, String collate, String ctype, Optional<String> warning) {
    }

    StagingLocale stagingLocale(ServerInfo production) throws SQLException {
        String encoding = production.encoding();
        if (hasLocale(production.collate(), encoding) && hasLocale(production.ctype(), encoding)) {
            return new StagingLocale(encoding, production.collate(), production.ctype(), Optional.empty());
        }
        StagingLocale fallback = fallbackLocale(encoding);
        return new StagingLocale(encoding, fallback.collate(), fallback.ctype(), Optional.of("the twin's server has no locale "
                + production.collate() + " for production's encoding " + encoding + "; the twin uses " + fallback.collate()
                + ", so text may sort differently"));
    }

    private StagingLocale fallbackLocale(String encoding) {
        boolean serverLocaleFits = server.encoding().equals(encoding) || isCLocale(server.collate()) && isCLocale(server.ctype());
        return serverLocaleFits ? new StagingLocale(encoding, server.collate(), server.ctype(), Optional.empty())
                : new StagingLocale(encoding, "C", "C", Optional.empty());
    }

    private static boolean isCLocale(String locale) {
        return locale.equals("C") || locale.equals("POSIX");
    }

    private boolean hasLocale(String locale, String encoding) throws SQLException {
        if (isCLocale(locale) || locale.equals(server.collate()) && encoding.equals(server.encoding())) {
            return true;
        }
        try (PreparedStatement statement = maintenance.prepareStatement("""
                SELECT 1 FROM pg_collation WHERE collprovider = 'c'
                  AND lower(replace(?, '-', '')) IN (lower(replace(collcollate, '-', '')), lower(replace(collname, '-', '')))
                  AND collencoding IN (-1, pg_char_to_encoding(?))""")) {
            // initdb imports "en_US.utf8" where databases say "en_US.UTF-8": compare without case and dashes
            statement.setString(1, locale);
            statement.setString(2, encoding);
            try (ResultSet row = statement.executeQuery()) {
                return row.next();
            }
        }
    }

    /**
     * Creates the empty staging database with production's encoding and the locale {@link #stagingLocale} chose. A
     * locale the server lists but cannot use after all falls back (with a warning) to one that suits the encoding;
     * PostgreSQL 15+ is told the libc provider then, since an ICU default cannot hold every encoding (SQL_ASCII...).
     */
    @Override
    public void createStaging(ServerInfo production, TwinMarker marker, Consumer<String> warnings) throws SQLException {
        String name = Sql.quoteIdent(stagingDatabase());
        StagingLocale locale = stagingLocale(production);
        String encoding = " TEMPLATE template0 ENCODING " + Sql.quoteLiteral(locale.encoding());
        try (Statement statement = maintenance.createStatement()) {
            try {
                statement.execute("CREATE DATABASE " + name + encoding + localeClause(locale, false));
            } catch (SQLException localeUnavailable) {
                if ("42501".equals(localeUnavailable.getSQLState())) {
                    throw privilege(localeUnavailable);
                }
                StagingLocale fallback = fallbackLocale(locale.encoding());
                warnings.accept("the twin's server cannot use locale " + locale.collate() + " with encoding " + locale.encoding()
                        + " (" + ErrorText.firstLine(localeUnavailable) + "); the twin uses " + fallback.collate()
                        + ", so text may sort differently");
                statement.execute("CREATE DATABASE " + name + encoding + localeClause(fallback, server.major() >= 15));
            }
            statement.execute("COMMENT ON DATABASE " + name + " IS " + Sql.quoteLiteral(marker.toComment()));
        } catch (SQLException e) {
            if ("42501".equals(e.getSQLState())) {
                throw privilege(e);
            }
            throw e;
        }
    }

    private static String localeClause(StagingLocale locale, boolean libcProvider) {
        return (libcProvider ? " LOCALE_PROVIDER libc" : "") + " LC_COLLATE " + Sql.quoteLiteral(locale.collate())
                + " LC_CTYPE " + Sql.quoteLiteral(locale.ctype());
    }

    private UserError privilege(SQLException cause) {
        return new UserError(ExitCode.PRIVILEGE, twin.inputName() + ": role '" + twin.user()
                + "' may not create databases on the twin's server; grant it CREATEDB (the new twin is built in a staging database and swapped in).", cause);
    }

    /** Puts production's database-level settings on the staging database; one the twin refuses is skipped with a warning. */
    @Override
    public int applySettings(List<String> settings, Consumer<String> warnings) throws SQLException {
        return DatabaseSettings.apply(maintenance, stagingDatabase(), settings, warnings);
    }

    @Override
    public ConnectionSpec stagingSpec() {
        return twin.withDatabase(stagingDatabase());
    }

    /**
     * Puts the staging database in the twin's place: both renames in one transaction, so the twin's name always
     * names a complete twin. Sessions still on the old twin are ended first (renaming needs it idle).
     */
    @Override
    public void swap(TwinMarker marker, Consumer<String> info) throws SQLException {
        boolean hadTwin = exists(twin.database());
        for (int attempt = 1; ; attempt++) {
            if (hadTwin) {
                int ended = terminateSessions(twin.database());
                if (ended > 0) {
                    info.accept("ended " + ended + " session(s) on the previous twin to swap it out");
                }
            }
            try (Statement statement = maintenance.createStatement()) {
                maintenance.setAutoCommit(false);
                if (hadTwin) {
                    statement.execute("ALTER DATABASE " + Sql.quoteIdent(twin.database()) + " RENAME TO " + Sql.quoteIdent(previousDatabase()));
                }
                statement.execute("ALTER DATABASE " + Sql.quoteIdent(stagingDatabase()) + " RENAME TO " + Sql.quoteIdent(twin.database()));
                statement.execute("COMMENT ON DATABASE " + Sql.quoteIdent(twin.database()) + " IS " + Sql.quoteLiteral(marker.toComment()));
                maintenance.commit();
                break;
            } catch (SQLException busy) {
                maintenance.rollback();
                // 55006: a developer reconnected between ending sessions and renaming; try again
                if (!"55006".equals(busy.getSQLState())) {
                    throw busy;
                }
                if (attempt == SWAP_ATTEMPTS) {
                    throw new UserError(ExitCode.BUSY, twin.inputName() + ": sessions on database '" + twin.database()
                            + "' could not be ended for the swap (" + ErrorText.firstLine(busy) + "); close them, or GRANT "
                            + "pg_signal_backend to the twin's role, and run again (the previous twin is kept).", busy);
                }
            } finally {
                maintenance.setAutoCommit(true);
            }
        }
        if (hadTwin) {
            drop(previousDatabase());
        }
    }

    private int terminateSessions(String database) {
        try (PreparedStatement statement = maintenance.prepareStatement(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        } catch (SQLException notAllowed) {
            return 0; // without the right to end them, the rename below reports who is connected
        }
    }

    @Override
    public void dropStaging() throws SQLException {
        drop(stagingDatabase());
    }

    private void drop(String database) throws SQLException {
        try (Statement statement = maintenance.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + Sql.quoteIdent(database) + " WITH (FORCE)");
        }
    }

    @Override
    public Optional<TwinMarker> currentMarker() throws SQLException {
        return exists(twinDatabase()) ? marker(twinDatabase()) : Optional.empty();
    }

    @Override
    public long twinSize() throws SQLException {
        return databaseSize(twinDatabase());
    }

    long databaseSize(String database) throws SQLException {
        try (PreparedStatement statement = maintenance.prepareStatement("SELECT pg_database_size(?)")) {
            statement.setString(1, database);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    @Override
    public void close() {
        try {
            maintenance.close();
        } catch (SQLException ignored) {
            // the lock goes with the session
        }
    }
}
