package io.neontwin.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Real PostgreSQL servers for tests, one per (major, slot), started once per test JVM and shared.
 * Where a Docker engine answers (GitHub-hosted CI, laptops) they are Testcontainers; otherwise embedded servers
 * from Maven Central's zonky binaries, copied to target/pg-binaries by the build. Tests do not know which.
 */
public final class PostgresServers {
    private static final Map<String, TestServer> started = new ConcurrentHashMap<>();
    private static final Map<TestServer, PostgreSQLContainer<?>> containers = new ConcurrentHashMap<>();
    private static final boolean docker = dockerAnswers();

    private PostgresServers() {
    }

    /** A server of this major; the same slot name gives the same server, another slot a separate one. */
    public static TestServer get(int major, String slot) {
        return started.computeIfAbsent(major + "/" + slot, key -> docker ? container(major) : embedded(major));
    }

    public static TestServer get(int major) {
        return get(major, "default");
    }

    public static boolean usingDocker() {
        return docker;
    }

    private static boolean dockerAnswers() {
        if ("embedded".equals(System.getenv("NEON_TWIN_TEST_SERVERS"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable noDocker) {
            return false;
        }
    }

    @SuppressWarnings("resource") // kept for the whole test JVM; Testcontainers' reaper removes it
    private static TestServer container(int major) {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:" + major)
                .withCommand("postgres", "-c", "fsync=off", "-c", "max_connections=100");
        container.start();
        TestServer server = new TestServer(major, container.getHost(), container.getMappedPort(5432), container.getUsername(), container.getPassword());
        containers.put(server, container);
        return server;
    }

    /**
     * Writes a file into the server's share folder (an extension's control and script files, say): on the local disk
     * for an embedded server, into the container for a Testcontainers one.
     */
    public static void writeShareFile(TestServer server, String relativePath, String content) {
        String shareDir = server.queryString("postgres", "SELECT setting FROM pg_config WHERE name = 'SHAREDIR'");
        PostgreSQLContainer<?> container = containers.get(server);
        if (container != null) {
            container.copyFileToContainer(org.testcontainers.images.builder.Transferable.of(content), shareDir + "/" + relativePath);
            return;
        }
        try {
            Files.writeString(Path.of(shareDir, relativePath), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes the server go through a crash restart, as after a crashed backend or an OOM kill: one of its backends is
     * killed with SIGKILL, so the postmaster ends every session (SQLSTATE 57P02), refuses connections while it
     * recovers (57P03) and then accepts them again; this waits for that. Only for a server of a slot of its own, so
     * that no other test loses its sessions; embedded servers only (the backend must be a local process). (A real
     * stop and start is not possible here: pg_ctl and postgres refuse to start as root, which CI containers are.)
     */
    public static void crashRestart(TestServer server) {
        if (containers.containsKey(server)) {
            throw new UnsupportedOperationException("crashing a Testcontainers server is not supported");
        }
        try (java.sql.Connection witness = server.connect("postgres"); java.sql.Connection victim = server.connect("postgres");
             java.sql.Statement statement = victim.createStatement(); java.sql.ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            ProcessHandle.of(row.getLong(1)).orElseThrow(() -> new IllegalStateException("the backend is not a local process"))
                    .destroyForcibly();
            awaitTrue(() -> !witness.isValid(1), "the server did not reset after its backend was killed");
            awaitTrue(() -> {
                try (java.sql.Connection connection = server.connect("postgres")) {
                    return true;
                } catch (java.sql.SQLException recovering) {
                    return false;
                }
            }, "the server did not come back after a crash restart");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Condition {
        boolean holds() throws java.sql.SQLException;
    }

    private static void awaitTrue(Condition condition, String failure) throws java.sql.SQLException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(failure);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static TestServer embedded(int major) {
        EmbeddedPostgres postgres = startEmbedded(major, Map.of("max_connections", "100"));
        return new TestServer(major, "127.0.0.1", postgres.getPort(), "postgres", null);
    }

    /**
     * Starts an embedded server of this major from the binaries the build copied to target/pg-binaries, with
     * extra server settings; it is stopped when the test JVM exits.
     */
    static EmbeddedPostgres startEmbedded(int major, Map<String, String> settings) {
        try {
            Path jar = Path.of(System.getProperty("neontwin.pgBinaries", "target/pg-binaries")).resolve("pg" + major + ".jar");
            if (!Files.exists(jar)) {
                throw new IllegalStateException("No PostgreSQL " + major + " binaries at " + jar + "; run the tests through Maven.");
            }
            byte[] archive = readArchive(jar);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPgBinaryResolver((system, hardware) -> new ByteArrayInputStream(archive))
                    .setServerConfig("fsync", "off")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(java.time.Duration.ofSeconds(60));
            settings.forEach(builder::setServerConfig);
            EmbeddedPostgres postgres = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's folder is temporary
                }
            }));
            return postgres;
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
