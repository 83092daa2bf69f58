package io.entrepot.shared.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.EntrepotApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch commands run against the configured database without serving HTTP. */
class CommandIntegrationTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void dbMigrateReportsTheSchemaVersionAndSucceeds() {
        int code = run("db", "migrate");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("database schema is at version \\d+");
    }

    @Test
    void ledgerVerifyChecksEveryEntry() {
        int code = run("ledger", "verify");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("ledger verified: \\d+ journal entries");
    }

    @Test
    void fxImportReadsAnEcbFile() throws Exception {
        Path file = Path.of("src/test/resources/fx/eurofxref-hist-sample.xml");
        int code = run("fx", "import-ecb", "--file", file.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("imported \\d+ rates from 2 publications");
    }

    @Test
    void aBadFileFailsWithOneLine(@TempDir Path files) throws Exception {
        Path file = Files.writeString(files.resolve("rates.csv"), "Date, USD\nnot a date, 1.0\n");
        int code = run("fx", "import-ecb", "--file", file.toString());
        assertThat(code).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("entrepot fx import-ecb: ")
                .contains("not a date").doesNotContain("\n");
        assertThat(run("fx", "import-ecb")).isEqualTo(1);
    }

    private int run(String... args) {
        PrintStream realOut = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return CommandLauncher.runCommand(EntrepotApplication.class, args, System.out,
                    new PrintStream(err, true, StandardCharsets.UTF_8));
        } finally {
            System.setOut(realOut);
        }
    }
}
