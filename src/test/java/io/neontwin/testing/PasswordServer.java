package io.neontwin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * An embedded PostgreSQL 15 that checks passwords (the shared test servers trust everyone): the superuser
 * "postgres" still logs in without one, every other role needs its SCRAM password. Started once per test JVM.
 */
public final class PasswordServer {
    /** A role that must give {@link #PASSWORD}. */
    public static final String ROLE = "app_owner";
    public static final String PASSWORD = "Corr3ct-H0rse";

    private static TestServer server;

    private PasswordServer() {
    }

    /** The superuser's view of the server (user postgres, no password). */
    public static synchronized TestServer get() {
        if (server == null) {
            server = start();
            server.execute("postgres", "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD + "'",
                    "CREATE DATABASE app OWNER " + ROLE);
        }
        return server;
    }

    private static TestServer start() {
        try {
            Path hba = Files.createTempFile("neon-twin-hba-", ".conf");
            Files.writeString(hba, """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            EmbeddedPostgres postgres = PostgresServers.startEmbedded(15,
                    Map.of("hba_file", hba.toString(), "password_encryption", "scram-sha-256"));
            return new TestServer(15, "127.0.0.1", postgres.getPort(), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
