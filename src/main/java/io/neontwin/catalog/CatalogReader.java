package io.neontwin.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * Reads a database's schema from its catalogs (pg_catalog, with SQL: not from pg_dump's text), in one read-only
 * snapshot. Names come out schema-qualified and quoted as needed, whatever the connection's search_path, so that
 * two databases' models compare name for name.
 */
public final class CatalogReader {
    /** pg_trigger.tgparentid, which tells a partition's cloned triggers apart, came with PostgreSQL 13. */
    public static final int OLDEST_MAJOR = 13;

    private CatalogReader() {
    }

    /**
     * @param privileges whether to read grants too (they name roles, which differ between servers more often than
     *                   not, so they are compared only on request)
     */
    public static SchemaModel read(Connection connection, boolean privileges) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            // an empty search_path makes regclass, format_type and pg_get_*def qualify every name
            statement.execute("SET LOCAL search_path = ''");
            CatalogQueries queries = new CatalogQueries(connection);
            ModelBuilder model = new ModelBuilder();
            Map<Long, List<Column>> columns = RelationReader.readColumns(queries);
            RoutineReader routines = new RoutineReader(queries, model);
            routines.readSchemasAndExtensions();
            new TypeReader(queries, model, columns).read();
            routines.readRoutines();
            new RelationReader(queries, model, columns).read();
            routines.readTriggersAndPolicies();
            DependencyReader dependencies = new DependencyReader(queries, model);
            dependencies.readDependencies();
            dependencies.readComments();
            if (privileges) {
                dependencies.readPrivileges();
            }
            return model.build();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
