package io.entrepot.shared.database;

import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.OperatorCommand;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;

/** Migrations run as the context starts; this command reports where the schema now stands. */
@OperatorCommand(name = "db migrate", summary = "apply pending database migrations and report the schema version")
class DbMigrateCommand implements CommandHandler {

    private final Flyway flyway;

    DbMigrateCommand(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public int run(List<String> arguments) {
        var result = flyway.migrate();
        MigrationInfo current = flyway.info().current();
        System.out.println("database schema is at version " + (current == null ? "none" : current.getVersion())
                + " (" + flyway.info().applied().length + " migrations applied, " + result.migrationsExecuted + " in this run)");
        return 0;
    }
}
