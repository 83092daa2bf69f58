package io.entrepot.shared.database;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;

/** For tests that ran the packaged application on a data directory of their own: read its database afterwards. */
public final class EmbeddedDatabaseAccess {

    private EmbeddedDatabaseAccess() {
    }

    /** The first column of the first row, queried as the owner acting as the system (row-level security applies). */
    public static String query(Path dataDir, String sql) throws SQLException {
        var connection = EmbeddedPostgres.startOrReuse(dataDir).connection();
        try (var c = DriverManager.getConnection(connection.url(), connection.ownerUser(), connection.ownerPassword());
                var statement = c.createStatement()) {
            statement.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'test', false)");
            try (var rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    public static void stop(Path dataDir) {
        EmbeddedPostgres.startOrReuse(dataDir).stop();
    }
}
