package io.entrepot.shared.command;

import java.io.PrintStream;

/** Lets tests in other packages run a command as the launcher does. */
public final class CommandLauncherAccess {

    private CommandLauncherAccess() {
    }

    public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        return CommandLauncher.runCommand(application, args, out, err);
    }
}
