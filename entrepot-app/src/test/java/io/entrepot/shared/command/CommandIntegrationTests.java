package io.entrepot.shared.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.EntrepotApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Batch commands run against the configured database without serving HTTP. */
class CommandIntegrationTests {

    @Test
    void dbMigrateReportsTheSchemaVersionAndSucceeds() {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream realOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = CommandLauncher.runCommand(EntrepotApplication.class, new String[] {"db", "migrate"},
                    System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(realOut);
        }
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("database schema is at version \\d+");
    }
}
