package io.entrepot.shared.command;

import java.util.List;

/** The work of one batch command; it runs against the configured database, without HTTP. */
public interface CommandHandler {

    /** Returns the process exit code; throws {@link CommandFailedException} with one clear line on failure. */
    int run(List<String> arguments) throws Exception;
}
