package io.entrepot.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The packaged application as a separate process on its own data directory, for crash tests (kill -9). */
public final class AppProcess implements AutoCloseable {

    private final Path dataDir;
    private final Path log;
    private final int port;
    private Process process;
    private java.util.Map<String, String> database = java.util.Map.of();

    /**
     * A further node on another process's database (used as an external PostgreSQL, with the embedded
     * server's owner credentials); its log sits next to that process's data directory.
     */
    public static AppProcess nodeOf(AppProcess primary, String name) throws IOException {
        Path home = primary.dataDir.resolve("postgres");
        var credentials = new java.util.Properties();
        try (var reader = Files.newBufferedReader(home.resolve("credentials.properties"))) {
            credentials.load(reader);
        }
        int pgPort = Integer.parseInt(Files.readAllLines(home.resolve("cluster/postmaster.pid")).get(3).strip());
        var node = new AppProcess(primary.dataDir.resolveSibling(primary.dataDir.getFileName() + "-" + name));
        node.database = java.util.Map.of("ENTREPOT_DB_URL", "jdbc:postgresql://127.0.0.1:" + pgPort + "/entrepot", "ENTREPOT_DB_USER", "entrepot",
                "ENTREPOT_DB_PASSWORD", credentials.getProperty("owner.password"));
        return node;
    }

    public AppProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
    }

    public int port() {
        return port;
    }

    /** Starts the jar with extra {@code --name=value} arguments and waits until it is healthy. */
    public void start(String... args) throws Exception {
        Path jar = Path.of("target", "entrepot-app.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("the packaged jar is missing: run the tests with ./mvnw verify");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-jar",
                jar.toString()));
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ENTREPOT_DATA_DIR", dataDir.toString());
        builder.environment().put("ENTREPOT_PORT", String.valueOf(port));
        builder.environment().put("ENTREPOT_DEMO_ENABLED", "false");
        builder.environment().put("ENTREPOT_BOOTSTRAP_ADMIN_API_KEY", Api.ADMIN_KEY);
        builder.environment().putAll(database);
        process = builder.start();
        var http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited: " + tail());
            }
            try {
                var health = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become healthy: " + tail());
    }

    /** Waits until the log shows the text. */
    public void awaitLog(String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log).contains(text)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the log never showed '" + text + "': " + tail());
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private String tail() throws IOException {
        String text = Files.exists(log) ? Files.readString(log) : "";
        return text.substring(Math.max(0, text.length() - 3000));
    }
}
