package io.entrepot.bench;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;

/**
 * The packaged platform as the benchmarks run it: started by the launcher ({@code ./entrepot}, so with the
 * JVM options a user's platform runs with) on a fresh data directory (its own embedded PostgreSQL, no demo
 * data, a known admin key), ready when it says so.
 */
final class Platform implements AutoCloseable {

    static final String ADMIN_KEY = "bench-admin-key-0123456789abcdef";

    private final Path dataDir;
    private final String base;
    private final Process process;
    /** Whether closing this platform removes its data directory: the first node's, not a second node's on the same database. */
    private final boolean ownsData;

    private Platform(Path dataDir, String base, Process process, boolean ownsData) {
        this.dataDir = dataDir;
        this.base = base;
        this.process = process;
        this.ownsData = ownsData;
    }

    static Platform start(String name) throws Exception {
        Path jar = Path.of("entrepot-app/target/extracted/entrepot-app.jar");
        if (!Files.exists(jar)) {
            System.err.println("build first: ./entrepot help (builds and extracts the application)");
            System.exit(1);
        }
        Path dataDir = Files.createTempDirectory("entrepot-" + name + "-bench-", PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x")));
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = launcher().redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().put("ENTREPOT_DATA_DIR", dataDir.toString());
        builder.environment().put("ENTREPOT_PORT", Integer.toString(port));
        builder.environment().put("ENTREPOT_DEMO_ENABLED", "false");
        builder.environment().put("ENTREPOT_BOOTSTRAP_ADMIN_API_KEY", ADMIN_KEY);
        var platform = new Platform(dataDir, "http://127.0.0.1:" + port, builder.start(), true);
        platform.awaitReady();
        return platform;
    }

    /**
     * A second application node on this platform's database (as an external PostgreSQL: the owner's
     * credentials from the embedded server), for work shared between nodes.
     */
    Platform startNode() throws Exception {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var builder = launcher().redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-node2.log").toFile());
        builder.environment().putAll(externalDatabase());
        builder.environment().put("ENTREPOT_PORT", Integer.toString(port));
        builder.environment().put("ENTREPOT_DEMO_ENABLED", "false");
        var node = new Platform(dataDir, "http://127.0.0.1:" + port, builder.start(), false);
        node.awaitReady();
        return node;
    }

    /**
     * The launcher with this JDK, the launcher's JVM options and any extra ones for the benchmark's platform, for example a
     * flight recording: {@code -Dentrepot.bench.jvm-options="-XX:StartFlightRecording=..."} (they follow the launcher's
     * own, so they win over them).
     */
    private static ProcessBuilder launcher() {
        var builder = new ProcessBuilder("./entrepot").redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        String options = System.getProperty("entrepot.bench.jvm-options", "").strip();
        if (!options.isEmpty()) {
            builder.environment().put("ENTREPOT_JAVA_OPTS", options);
        }
        return builder;
    }

    /** The environment that points another process at this platform's database, as an external PostgreSQL (owner's credentials). */
    java.util.Map<String, String> externalDatabase() throws IOException {
        Path home = dataDir.resolve("postgres");
        var credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        int pgPort = Integer.parseInt(Files.readAllLines(home.resolve("cluster/postmaster.pid")).get(3).strip());
        return java.util.Map.of("ENTREPOT_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/entrepot", "ENTREPOT_DB_USER", "entrepot",
                "ENTREPOT_DB_PASSWORD", credentials.getProperty("owner.password"));
    }

    String base() {
        return base;
    }

    Path dataDir() {
        return dataDir;
    }

    /** A connection to the embedded PostgreSQL as the owner role (row-level security still applies: set an actor). */
    Connection ownerConnection() throws IOException, SQLException {
        Path home = dataDir.resolve("postgres");
        var credentials = new Properties();
        try (Reader reader = Files.newBufferedReader(home.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        int pgPort = Integer.parseInt(Files.readAllLines(home.resolve("cluster/postmaster.pid")).get(3).strip());
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pgPort + "/entrepot", "entrepot",
                credentials.getProperty("owner.password"));
    }

    private void awaitReady() throws Exception {
        var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue());
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body().contains("UP")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("not ready after 3 minutes");
    }

    /**
     * Stops the platform (and so its embedded PostgreSQL), then removes its data directory: a checkout run leaves
     * ~1 GB there, seventeen runs had filled 18 GB of /tmp. The server's log is kept beside the platform's own
     * ({@code <data dir>.postgres.log}: its checkpoints and autovacuum lines explain slow seconds), and
     * {@code -Dentrepot.bench.keep-data=true} keeps the whole directory.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        if (!ownsData || Boolean.getBoolean("entrepot.bench.keep-data")) {
            return;
        }
        try {
            Path log = dataDir.resolve("postgres/log/postgres.log");
            if (Files.exists(log)) {
                Files.copy(log, dataDir.resolveSibling(dataDir.getFileName() + ".postgres.log"), StandardCopyOption.REPLACE_EXISTING);
            }
            deleteRecursively(dataDir);
        } catch (IOException e) {
            System.err.println("could not remove " + dataDir + ": " + e);
        }
    }

    /** Removes a directory and everything in it (the benchmarks' data directories). */
    static void deleteRecursively(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
