package io.neontwin.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/** A real PostgreSQL server for a test, wherever it runs (embedded process or container). */
public record TestServer(int major, String host, int port, String user, String password) {

    /** A postgresql:// URL as a user would paste it (password percent-encoded). */
    public String url(String database) {
        String credentials = password == null ? user
                : user + ":" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8);
        return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, user, password);
    }

    /** Runs statements in the given database, each on its own (CREATE DATABASE cannot run in a transaction). */
    public void execute(String database, String... statements) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("setup SQL failed on PostgreSQL " + major + ": " + e.getMessage(), e);
        }
    }

    public void createDatabase(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)", "CREATE DATABASE \"" + database + "\"");
    }

    public void dropDatabase(String database) {
        execute("postgres", "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE)");
    }

    public long queryLong(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    public String queryString(String database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
