package io.neontwin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

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
            Path jar = Path.of(System.getProperty("neontwin.pgBinaries", "target/pg-binaries")).resolve("pg15.jar");
            byte[] archive = readArchive(jar);
            Path hba = Files.createTempFile("neon-twin-hba-", ".conf");
            Files.writeString(hba, """
                    local all all trust
                    host all postgres 127.0.0.1/32 trust
                    host all postgres ::1/128 trust
                    host all all 127.0.0.1/32 scram-sha-256
                    host all all ::1/128 scram-sha-256
                    """);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(archive))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("hba_file", hba.toString())
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's folder is temporary
                }
            }));
            return new TestServer(15, "127.0.0.1", postgres.getPort(), "postgres", null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readArchive(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith(".txz")).findFirst()
                    .orElseThrow(() -> new IOException("no .txz in " + jar));
            try (InputStream in = zip.getInputStream(entry)) {
                return in.readAllBytes();
            }
        }
    }
}
