package io.entrepot.shared.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.EntrepotApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CommandLauncherTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void helpListsTheCommandsWithoutStartingAnything() {
        int code = CommandLauncher.runCommand(EntrepotApplication.class, new String[] {"help"}, print(out), print(err));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("help").contains("db migrate");
    }

    @Test
    void anUnknownCommandFailsWithOneClearLine() {
        int code = CommandLauncher.runCommand(EntrepotApplication.class, new String[] {"db", "explode"}, print(out), print(err));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip())
                .isEqualTo("entrepot: unknown command 'db explode'; run 'help' to list the commands");
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
