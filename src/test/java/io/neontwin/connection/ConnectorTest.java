package io.neontwin.connection;

import io.neontwin.errors.ExitCode;
import io.neontwin.errors.UserError;
import io.neontwin.secrets.Secrets;
import io.neontwin.testing.PasswordServer;
import io.neontwin.testing.PostgresServers;
import io.neontwin.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are worth waiting for (a server starting, a compute waking) and which end at once in one sentence.
 * The sleeper is fake: backoff is recorded, never waited.
 */
class ConnectorTest {
    private static final String PASSWORD_IN_URL = "S3cr3t-P%40ss";
    private static final String PASSWORD = "S3cr3t-P@ss";
    private static final List<Duration> FULL_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(15));

    private final List<Duration> waits = new ArrayList<>();
    private final Connector connector = new Connector(waits::add);

    @BeforeEach
    void forgetSecrets() {
        Secrets.clearForTests();
    }

    private static ConnectionSpec production(String hostPort, String database) {
        return ConnectionSpec.parse("--production-url", "postgresql://app:" + PASSWORD_IN_URL + "@" + hostPort + "/" + database);
    }

    private static void assertNoPassword(String message) {
        assertFalse(message.contains(PASSWORD), message);
        assertFalse(message.contains(PASSWORD_IN_URL), message);
    }

    @Test
    void refusedPortIsRetriedWithBackoffThenEndsInConnectionError() throws IOException {
        int port = freePort();

        UserError error = assertThrows(UserError.class, () -> connector.open(production("127.0.0.1:" + port, "app")));

        assertEquals(FULL_BACKOFF, waits);
        assertEquals(ExitCode.CONNECTION, error.exitCode());
        assertTrue(error.getMessage().startsWith("--production-url: nothing accepted a connection at 127.0.0.1:" + port),
                error.getMessage());
        assertTrue(error.getMessage().contains("check the host and port in --production-url"), error.getMessage());
        assertTrue(error.getMessage().endsWith("(gave up after 6 attempts over 30 s)."), error.getMessage());
        assertNoPassword(error.getMessage());
    }

    @Test
    void eachRetryOfARefusedPortIsToldWithItsReasonAndTheTimeLeft() throws IOException {
        int port = freePort();
        List<ConnectionRetry> told = new ArrayList<>();
        Connector telling = new Connector(waits::add, told::add);

        assertThrows(UserError.class, () -> telling.open(production("127.0.0.1:" + port, "app")));

        assertEquals(FULL_BACKOFF.size(), told.size(), "one report per retry");
        assertEquals(FULL_BACKOFF, told.stream().map(ConnectionRetry::delay).toList());
        Duration all = FULL_BACKOFF.stream().reduce(Duration.ZERO, Duration::plus);
        assertEquals(all, told.get(0).timeLeft(), "the first retry has every wait still ahead");
        assertEquals(FULL_BACKOFF.getLast(), told.getLast().timeLeft(), "the last has only its own");
        assertEquals("--production-url: 127.0.0.1:" + port + "/app: connection refused; retry 1 of " + FULL_BACKOFF.size()
                + " in " + FULL_BACKOFF.get(0).toSeconds() + " s (gives up in " + all.toSeconds() + " s)", told.get(0).describe());
        told.forEach(retry -> assertNoPassword(retry.describe()));
    }

    @Test
    void serverThatComesUpDuringTheBackoffIsConnectedTo() throws Exception {
        TestServer server = PostgresServers.get(15);
        int port = freePort();
        List<Forwarder> started = new ArrayList<>();
        Connector patient = new Connector(duration -> {
            waits.add(duration);
            if (waits.size() == 2) {
                started.add(Forwarder.start(port, server.port()));
            }
        });

        try (Connection connection = patient.open(ConnectionSpec.parse("--production-url",
                "postgresql://" + server.user() + "@127.0.0.1:" + port + "/postgres"))) {
            assertTrue(connection.isValid(5));
        } finally {
            started.forEach(Forwarder::close);
        }
        assertEquals(FULL_BACKOFF.subList(0, 2), waits);
    }

    @Test
    void wrongPasswordIsNotRetriedAndEndsInAuthenticationError() {
        TestServer server = PasswordServer.get();
        ConnectionSpec spec = ConnectionSpec.parse("--production-url", "postgresql://" + PasswordServer.ROLE + ":"
                + PASSWORD_IN_URL + "@127.0.0.1:" + server.port() + "/app");

        UserError error = assertThrows(UserError.class, () -> connector.open(spec));

        assertEquals(List.of(), waits);
        assertEquals(ExitCode.AUTHENTICATION, error.exitCode());
        assertEquals("--production-url: the server rejected the password for user '" + PasswordServer.ROLE
                + "'; fix the password in --production-url (percent-encode special characters).", error.getMessage());
        assertNoPassword(error.getMessage());
    }

    @Test
    void rightPasswordConnectsToThePasswordCheckingServer() throws SQLException {
        TestServer server = PasswordServer.get();
        ConnectionSpec spec = ConnectionSpec.parse("--production-url", "postgresql://" + PasswordServer.ROLE + ":"
                + PasswordServer.PASSWORD + "@127.0.0.1:" + server.port() + "/app");

        try (Connection connection = connector.open(spec)) {
            assertTrue(connection.isValid(5));
        }
    }

    @Test
    void unknownDatabaseIsNotRetriedAndEndsInDatabaseNotFound() {
        TestServer server = PostgresServers.get(15);

        UserError error = assertThrows(UserError.class,
                () -> connector.open(ConnectionSpec.parse("--production-url", "postgresql://" + server.user() + ":" + PASSWORD_IN_URL
                        + "@127.0.0.1:" + server.port() + "/no_such_database")));

        assertEquals(List.of(), waits);
        assertEquals(ExitCode.DATABASE_NOT_FOUND, error.exitCode());
        assertEquals("--production-url: database 'no_such_database' does not exist on 127.0.0.1:" + server.port()
                + "; fix the database name in --production-url.", error.getMessage());
        assertNoPassword(error.getMessage());
    }

    @Test
    void openIfExistsAnswersNullForAMissingDatabaseOnly() throws SQLException {
        TestServer server = PostgresServers.get(15);
        ConnectionSpec spec = ConnectionSpec.parse("--twin-url", server.url("postgres"));

        assertNull(connector.openIfExists(spec, "never_created_twin"));
        try (Connection connection = connector.openIfExists(spec, "postgres")) {
            assertNotNull(connection);
        }
        UserError refused = assertThrows(UserError.class,
                () -> connector.openIfExists(ConnectionSpec.parse("--twin-url", "postgresql://u@127.0.0.1:" + freePort() + "/x"), "x"));
        assertEquals(ExitCode.CONNECTION, refused.exitCode());
    }

    @Test
    void unknownHostIsNotRetriedAndNamesTheHost() {
        UserError error = assertThrows(UserError.class, () -> connector.open(production("no-such-host.invalid:5432", "app")));

        assertEquals(List.of(), waits);
        assertEquals(ExitCode.CONNECTION, error.exitCode());
        assertEquals("--production-url: the host 'no-such-host.invalid' is unknown; check the host name in --production-url.",
                error.getMessage());
    }

    @Test
    void interruptedBackoffStopsAtOnceWithTheConnectionError() throws IOException {
        int port = freePort();
        Connector interrupted = new Connector(duration -> {
            waits.add(duration);
            throw new InterruptedException("shutting down");
        });

        try {
            UserError error = assertThrows(UserError.class, () -> interrupted.open(production("127.0.0.1:" + port, "app")));
            assertEquals(ExitCode.CONNECTION, error.exitCode());
            assertEquals(List.of(Duration.ofSeconds(1)), waits);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the caller");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void startingServersWakingComputesAndFullServersAreTransient() {
        assertAll(
                () -> assertTrue(ConnectionErrors.isTransient(new SQLException("FATAL: the database system is starting up", "57P03"))),
                () -> assertTrue(ConnectionErrors.isTransient(new SQLException("FATAL: sorry, too many clients already", "53300"))),
                () -> assertTrue(ConnectionErrors.isTransient(new SQLException(
                        "ERROR: Couldn't connect to compute node: the compute is starting", "08001"))),
                () -> assertTrue(ConnectionErrors.isTransient(new SQLException("refused", "08001", new java.net.ConnectException("Connection refused")))));
    }

    @Test
    void typosAndRefusalsAreNotTransient() {
        assertAll(
                () -> assertFalse(ConnectionErrors.isTransient(new SQLException("password authentication failed", "28P01"))),
                () -> assertFalse(ConnectionErrors.isTransient(new SQLException("database \"x\" does not exist", "3D000"))),
                () -> assertFalse(ConnectionErrors.isTransient(new SQLException("permission denied for database x", "42501"))),
                () -> assertFalse(ConnectionErrors.isTransient(new SQLException("unknown host", "08001",
                        new java.net.UnknownHostException("no-such-host.invalid")))));
    }

    @Test
    void eachRefusalMapsToItsOwnExitCodeAndNamesTheFix() {
        ConnectionSpec spec = production("db.example.com:5432", "app");

        UserError noConnect = ConnectionErrors.explain(spec, new SQLException("FATAL: permission denied for database \"app\"", "42501"));
        UserError noEntry = ConnectionErrors.explain(spec, new SQLException("FATAL: no pg_hba.conf entry for host", "28000"));
        UserError tls = ConnectionErrors.explain(spec, new SQLException("SSL error", "08006",
                new javax.net.ssl.SSLHandshakeException("PKIX path building failed")));
        UserError timeout = ConnectionErrors.explain(spec, new SQLException("timed out", "08001",
                new java.net.SocketTimeoutException("connect timed out")));

        assertAll(
                () -> assertEquals(ExitCode.PRIVILEGE, noConnect.exitCode()),
                () -> assertTrue(noConnect.getMessage().endsWith("grant it CONNECT on the database."), noConnect.getMessage()),
                () -> assertEquals(ExitCode.AUTHENTICATION, noEntry.exitCode()),
                () -> assertTrue(noEntry.getMessage().contains("check the user in --production-url"), noEntry.getMessage()),
                () -> assertEquals(ExitCode.CONNECTION, tls.exitCode()),
                () -> assertTrue(tls.getMessage().contains("check sslmode and sslrootcert in --production-url"), tls.getMessage()),
                () -> assertEquals(ExitCode.CONNECTION, timeout.exitCode()),
                () -> assertTrue(timeout.getMessage().contains("timed out; check the host and port"), timeout.getMessage()));
    }

    @Test
    void aServerMessageQuotingThePasswordIsMasked() {
        ConnectionSpec spec = production("db.example.com:5432", "app");

        UserError error = ConnectionErrors.explain(spec, new SQLException("FATAL: role \"" + PASSWORD + "\" does not exist", "28000"));

        assertNoPassword(error.getMessage());
        assertTrue(error.getMessage().contains("***"), error.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A TCP relay that appears on a port mid-test: the server "comes up". */
    private record Forwarder(ServerSocket listener) {
        static Forwarder start(int port, int targetPort) {
            try {
                ServerSocket listener = new ServerSocket(port, 50, java.net.InetAddress.getByName("127.0.0.1"));
                Thread.ofVirtual().start(() -> {
                    while (!listener.isClosed()) {
                        try {
                            Socket client = listener.accept();
                            Socket target = new Socket("127.0.0.1", targetPort);
                            Thread.ofVirtual().start(() -> pump(client, target));
                            Thread.ofVirtual().start(() -> pump(target, client));
                        } catch (IOException closed) {
                            return;
                        }
                    }
                });
                return new Forwarder(listener);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static void pump(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // either side closed
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException ignored) {
                    // already closed
                }
            }
        }

        void close() {
            try {
                listener.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
