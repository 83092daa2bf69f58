package io.entrepot.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded server keeps its data across restarts, recovers from a crashed run that left PostgreSQL
 * running, and never takes a data directory that another live process holds.
 */
class EmbeddedPostgresIntegrationTests {

    private final Path dataDir = Path.of("target", "embedded-pg-test-" + System.nanoTime());
    private EmbeddedPostgres server;

    @AfterEach
    void stopAndCleanUp() {
        if (server != null) {
            server.stop();
            FileSystemUtils.deleteRecursively(server.home().toFile());
        }
        FileSystemUtils.deleteRecursively(dataDir.toFile());
    }

    @Test
    void dataSurvivesARestart() throws Exception {
        server = EmbeddedPostgres.startOrReuse(dataDir);
        execute(server, "create table kept (value text); insert into kept values ('still here')");
        server.stop();

        server = EmbeddedPostgres.startOrReuse(dataDir);
        assertThat(query(server, "select value from kept")).isEqualTo("still here");
    }

    @Test
    void aServerLeftRunningByACrashedRunIsTakenOverCleanly() throws Exception {
        server = EmbeddedPostgres.startOrReuse(dataDir);
        execute(server, "create table kept (value text); insert into kept values ('before crash')");
        long orphanPid = Long.parseLong(Files.readAllLines(server.cluster().resolve("postmaster.pid")).getFirst().strip());
        server.abandonAsIfTheJvmHadCrashed();
        assertThat(ProcessHandle.of(orphanPid)).as("the orphaned postmaster still runs").isPresent();

        server = EmbeddedPostgres.startOrReuse(dataDir);
        assertThat(query(server, "select value from kept")).isEqualTo("before crash");
        // pg_ctl returns once the pid file is gone; the process itself may take a moment more to exit.
        ProcessHandle.of(orphanPid).ifPresent(h -> h.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void theServerRunsWithSettingsSizedForTheMachine() throws Exception {
        server = EmbeddedPostgres.startOrReuse(dataDir);
        assertThat(query(server, "show max_wal_size")).isEqualTo("4GB");
        assertThat(query(server, "show work_mem")).isEqualTo("16MB");
        assertThat(query(server, "show random_page_cost")).isEqualTo("1.1");
        assertThat(query(server, "show autovacuum_vacuum_cost_delay")).isEqualTo("10ms");
        long sharedBuffersMb = Long.parseLong(query(server, "select setting::bigint * 8 / 1024 from pg_settings where name = 'shared_buffers'"));
        assertThat(sharedBuffersMb).isBetween(128L, 2048L);
    }

    @Test
    void sharedBuffersTakeAnEighthOfTheMemoryWithinBounds() {
        long gib = 1024L * 1024 * 1024;
        assertThat(EmbeddedPostgres.settingsFor(24 * gib)).contains("-c shared_buffers=2048MB");
        assertThat(EmbeddedPostgres.settingsFor(8 * gib)).contains("-c shared_buffers=1024MB");
        assertThat(EmbeddedPostgres.settingsFor(gib / 2)).contains("-c shared_buffers=128MB");
        assertThat(EmbeddedPostgres.settingsFor(0)).contains("-c shared_buffers=128MB");
    }

    @Test
    void theSameJvmReusesItsRunningServer() {
        server = EmbeddedPostgres.startOrReuse(dataDir);
        assertThat(EmbeddedPostgres.startOrReuse(dataDir)).isSameAs(server);
    }

    @Test
    void refusesADataDirectoryHeldByAnotherLiveProcess(@TempDir Path programs) throws Exception {
        server = EmbeddedPostgres.startOrReuse(dataDir);
        Path home = server.home();
        server.abandonAsIfTheJvmHadCrashed();
        // Another live JVM holds the data directory's lock.
        Path program = Files.writeString(programs.resolve("LockHolder.java"), """
                import java.nio.channels.FileChannel;
                import java.nio.file.Path;
                import java.nio.file.StandardOpenOption;
                class LockHolder {
                    public static void main(String[] args) throws Exception {
                        var channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("locked");
                        Thread.sleep(60_000);
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var holder = new ProcessBuilder(java, program.toString(), home.resolve("entrepot.lock").toString()).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(6))).isEqualTo("locked");
            assertThatThrownBy(() -> EmbeddedPostgres.startOrReuse(dataDir))
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("Another Entrepot process is using the data directory");
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        server = EmbeddedPostgres.startOrReuse(dataDir);
    }

    private static void execute(EmbeddedPostgres server, String sql) throws SQLException {
        var connection = server.connection();
        try (var c = DriverManager.getConnection(connection.url(), connection.ownerUser(), connection.ownerPassword());
                var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String query(EmbeddedPostgres server, String sql) throws SQLException {
        var connection = server.connection();
        try (var c = DriverManager.getConnection(connection.url(), connection.ownerUser(), connection.ownerPassword());
                var statement = c.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
