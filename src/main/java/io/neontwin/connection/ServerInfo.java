package io.neontwin.connection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What a connected server is: version, database, and (where the role may read it) the cluster's identity. */
public record ServerInfo(int versionNum, String version, String database, String encoding, String collate, String ctype,
                         long databaseSize) {

    public int major() {
        return versionNum / 10000;
    }

    public static ServerInfo of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("""
                     SELECT current_setting('server_version_num')::int, current_setting('server_version'),
                            current_database(), pg_encoding_to_char(d.encoding), d.datcollate, d.datctype,
                            pg_database_size(d.oid)
                     FROM pg_database d WHERE d.datname = current_database()""")) {
            row.next();
            String version = row.getString(2);
            int space = version.indexOf(' ');
            return new ServerInfo(row.getInt(1), space > 0 ? version.substring(0, space) : version, row.getString(3),
                    row.getString(4), row.getString(5), row.getString(6), row.getLong(7));
        }
    }
}
