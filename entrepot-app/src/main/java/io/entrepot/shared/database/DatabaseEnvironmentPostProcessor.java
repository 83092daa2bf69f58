package io.entrepot.shared.database;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.EnvironmentPostProcessor;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Finds the database before any bean exists: an external PostgreSQL when {@code ENTREPOT_DB_URL} is set,
 * otherwise the embedded one in the data directory. It makes sure the runtime app role exists, then
 * points Flyway at the owner role and the connection pool at the app role.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logs) {
        this.log = logs.getLog(EmbeddedPostgres.class);
    }

    private static final Pattern ROLE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.getProperty("entrepot.database.enabled", Boolean.class, true)) {
            return;
        }
        DatabaseConnection connection = resolve(environment, application);
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.datasource.url", connection.url());
        properties.put("spring.datasource.username", connection.appUser());
        properties.put("spring.datasource.password", connection.appPassword());
        properties.put("spring.flyway.url", connection.url());
        properties.put("spring.flyway.user", connection.ownerUser());
        properties.put("spring.flyway.password", connection.ownerPassword());
        properties.put("spring.flyway.placeholders.app_role", connection.appUser());
        properties.put("entrepot.database.owner-user", connection.ownerUser());
        environment.getPropertySources().addFirst(new MapPropertySource("entrepotDatabase", properties));
    }

    private DatabaseConnection resolve(ConfigurableEnvironment environment, SpringApplication application) {
        String externalUrl = setting(environment, "ENTREPOT_DB_URL", "entrepot.db.url");
        DatabaseConnection owner;
        if (externalUrl != null) {
            String user = setting(environment, "ENTREPOT_DB_USER", "entrepot.db.user");
            String password = setting(environment, "ENTREPOT_DB_PASSWORD", "entrepot.db.password");
            if (user == null || password == null) {
                throw new DatabaseStartupException("ENTREPOT_DB_URL is set but ENTREPOT_DB_USER or ENTREPOT_DB_PASSWORD "
                        + "is not: set all three to use an external PostgreSQL, or none to use the embedded one.");
            }
            owner = new DatabaseConnection(externalUrl, user, password, "", "");
        } else {
            String dataDir = setting(environment, "ENTREPOT_DATA_DIR", "entrepot.data-dir");
            var server = EmbeddedPostgres.startOrReuse(Path.of(dataDir == null ? "data" : dataDir), log);
            SpringApplication.getShutdownHandlers().add(server::stop);
            owner = server.connection();
        }
        String appUser = setting(environment, "ENTREPOT_DB_APP_USER", "entrepot.db.app-user");
        String appPassword = setting(environment, "ENTREPOT_DB_APP_PASSWORD", "entrepot.db.app-password");
        if (appUser == null) {
            appUser = owner.ownerUser() + "_app";
        }
        if (!ROLE_NAME.matcher(appUser).matches()) {
            throw new DatabaseStartupException("The app role name '" + appUser + "' is not a plain lower-case "
                    + "PostgreSQL identifier: set ENTREPOT_DB_APP_USER to one such as entrepot_app.");
        }
        boolean managed = appPassword == null;
        if (managed) {
            appPassword = derivePassword(owner.ownerPassword(), appUser);
        }
        var connection = new DatabaseConnection(owner.url(), owner.ownerUser(), owner.ownerPassword(), appUser, appPassword);
        prepareAppRole(connection, managed);
        return connection;
    }

    /**
     * The app role may only read and write rows under row-level security: it owns nothing and cannot bypass
     * policies. When we manage it, its password is derived from the owner's, so nothing more is stored.
     */
    private static void prepareAppRole(DatabaseConnection connection, boolean managed) {
        try (Connection owner = DriverManager.getConnection(connection.url(), connection.ownerUser(), connection.ownerPassword());
                var statement = owner.createStatement()) {
            if (managed) {
                boolean exists;
                try (var rs = statement.executeQuery("select 1 from pg_roles where rolname = '" + connection.appUser() + "'")) {
                    exists = rs.next();
                }
                // A new role has no SUPERUSER, CREATEDB, CREATEROLE or BYPASSRLS; the check below proves it.
                String password = " password '" + connection.appPassword() + "'";
                try {
                    statement.execute(exists ? "alter role " + connection.appUser() + password
                            : "create role " + connection.appUser() + " login" + password);
                } catch (SQLException e) {
                    throw new DatabaseStartupException("The database user " + connection.ownerUser() + " cannot create or "
                            + "change the app role " + connection.appUser() + " (" + e.getMessage().strip() + "): grant it "
                            + "CREATEROLE, or create that role yourself and set ENTREPOT_DB_APP_USER and ENTREPOT_DB_APP_PASSWORD.", e);
                }
            }
            String database = owner.getCatalog();
            statement.execute("grant connect on database \"" + database + "\" to " + connection.appUser());
            try (var rs = statement.executeQuery("select rolbypassrls or rolsuper from pg_roles where rolname = '" + connection.appUser() + "'")) {
                if (!rs.next()) {
                    throw new DatabaseStartupException("The app role " + connection.appUser() + " does not exist: create it, "
                            + "or leave ENTREPOT_DB_APP_PASSWORD unset so Entrepot creates it.");
                }
                if (rs.getBoolean(1)) {
                    throw new DatabaseStartupException("The app role " + connection.appUser() + " is a superuser or has "
                            + "BYPASSRLS, which would switch off tenant isolation: use a role without them.");
                }
            }
        } catch (SQLException e) {
            throw new DatabaseStartupException("Cannot connect to PostgreSQL at " + connection.url() + " as "
                    + connection.ownerUser() + " (" + e.getMessage().strip() + "): check ENTREPOT_DB_URL, ENTREPOT_DB_USER "
                    + "and ENTREPOT_DB_PASSWORD, or unset them to use the embedded PostgreSQL.", e);
        }
    }

    private static String derivePassword(String ownerPassword, String appUser) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(ownerPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(("entrepot app role " + appUser).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static @org.jspecify.annotations.Nullable String setting(ConfigurableEnvironment environment, String variable, String property) {
        String value = environment.getProperty(variable);
        if (value == null || value.isBlank()) {
            value = environment.getProperty(property);
        }
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
