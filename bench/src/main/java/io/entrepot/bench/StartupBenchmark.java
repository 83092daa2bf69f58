package io.entrepot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures how long Entrepot takes from process start to ready (readiness probe UP) with the embedded
 * PostgreSQL, cold (empty data directory) and warm (existing one), and the resident memory after start
 * of the JVM and of the PostgreSQL processes. Prints one line per run and a summary.
 *
 * <p>Usage: {@code java -cp bench/target/classes io.entrepot.bench.StartupBenchmark [warm-runs]}, from the
 * repository root after {@code ./entrepot help} has built and extracted the application.
 */
public final class StartupBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    public static void main(String[] args) throws Exception {
        int warmRuns = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path extracted = Path.of("entrepot-app/target/extracted");
        Path jar = extracted.resolve("entrepot-app.jar");
        if (!Files.exists(jar)) {
            System.err.println("build first: ./entrepot help (builds and extracts the application)");
            System.exit(1);
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path archive = extracted.resolve("bench.jsa");
        // The launcher's options (./entrepot), with an archive of the benchmark's own so that the first run is cold.
        List<String> launcher = List.of(java, "-XX:SharedArchiveFile=" + archive, "-XX:+AutoCreateSharedArchive",
                "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xms384m", "-XX:-G1UseAdaptiveIHOP", "-jar", jar.toString());
        Files.deleteIfExists(archive);

        System.out.printf(Locale.ROOT, "Entrepot start-up benchmark: %d cores, Java %s, %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), jar);
        // World-traversable like an ordinary data directory, so a root run keeps PostgreSQL inside it.
        var traversable = PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rwxr-xr-x"));
        Path dataDir = Files.createTempDirectory("entrepot-bench-", traversable);
        List<Run> runs = new ArrayList<>();
        runs.add(measure("cold (empty data dir, no CDS archive yet)", launcher, dataDir));
        for (int i = 1; i <= warmRuns; i++) {
            runs.add(measure("warm #" + i + " (existing data dir, CDS archive)", launcher, dataDir));
        }
        Path coldDir = Files.createTempDirectory("entrepot-bench-cold-", traversable);
        runs.add(measure("cold (empty data dir, CDS archive)", launcher, coldDir));
        Platform.deleteRecursively(dataDir);
        Platform.deleteRecursively(coldDir);

        System.out.println();
        System.out.println("| run | ready (s) | JVM RSS (MiB) | PostgreSQL PSS (MiB) | total (MiB) |");
        System.out.println("|---|---:|---:|---:|---:|");
        for (Run run : runs) {
            System.out.printf(Locale.ROOT, "| %s | %.1f | %d | %d | %d |%n", run.name(), run.seconds(), run.jvmMiB(),
                    run.postgresMiB(), run.jvmMiB() + run.postgresMiB());
        }
    }

    private static Run measure(String name, List<String> command, Path dataDir) throws Exception {
        int port = freePort();
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + ".log").toFile());
        builder.environment().put("ENTREPOT_DATA_DIR", dataDir.toString());
        builder.environment().put("ENTREPOT_PORT", Integer.toString(port));
        long start = System.nanoTime();
        Process process = builder.start();
        var ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + ": the application exited with " + process.exitValue());
            }
            if (isUp(ready)) {
                break;
            }
            if (System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
                process.destroyForcibly();
                throw new IllegalStateException(name + ": not ready after 3 minutes");
            }
            Thread.sleep(25);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(2000); // let start-up work that follows readiness settle before reading memory
        long jvm = rssKiB(process.pid());
        long postgres = postgresRssKiB(dataDir);
        process.destroy();
        process.waitFor();
        var run = new Run(name, seconds, jvm / 1024, postgres / 1024);
        System.out.printf(Locale.ROOT, "%-45s ready in %5.1f s, JVM RSS %4d MiB, PostgreSQL PSS %3d MiB%n",
                name, seconds, run.jvmMiB(), run.postgresMiB());
        return run;
    }

    private static boolean isUp(URI uri) {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(1)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static long rssKiB(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    /**
     * Sums the proportional set size (PSS) of the postgres processes serving this data directory's
     * cluster: their shared memory counted once, not once per process as a sum of RSS would.
     */
    private static long postgresRssKiB(Path dataDir) throws IOException {
        Path pidFile;
        try (Stream<Path> found = Files.walk(dataDir)) {
            pidFile = found.filter(p -> p.getFileName().toString().equals("postmaster.pid")).findFirst().orElse(null);
        }
        if (pidFile == null) {
            return 0;
        }
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
        long total = pssKiB(postmaster);
        var children = ProcessHandle.of(postmaster).map(ProcessHandle::children).orElse(Stream.empty())
                .sorted(Comparator.comparingLong(ProcessHandle::pid)).toList();
        for (ProcessHandle child : children) {
            total += pssKiB(child.pid());
        }
        return total;
    }

    private static long pssKiB(long pid) throws IOException {
        Path rollup = Path.of("/proc", Long.toString(pid), "smaps_rollup");
        if (!Files.exists(rollup)) {
            return rssKiB(pid);
        }
        return Files.readAllLines(rollup).stream().filter(l -> l.startsWith("Pss:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0);
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(String name, double seconds, long jvmMiB, long postgresMiB) {
    }
}
