package io.entrepot.shared.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's programs, as the unprivileged {@code nobody} user when this process is root
 * (initdb and postgres refuse to run as root).
 */
final class ProcessRunner {

    private final List<String> prefix;

    private ProcessRunner(List<String> prefix) {
        this.prefix = prefix;
    }

    static ProcessRunner asCurrentUser() {
        return new ProcessRunner(List.of());
    }

    static ProcessRunner asNobody(String gid) {
        return new ProcessRunner(List.of("setpriv", "--reuid=nobody", "--regid=" + gid, "--clear-groups", "--"));
    }

    boolean dropsPrivileges() {
        return !prefix.isEmpty();
    }

    /** Runs the command and returns its output, or throws with that output when it fails. */
    String run(long timeoutSeconds, String... command) {
        Result result = tryRun(timeoutSeconds, command);
        if (result.exitCode() != 0) {
            throw new IllegalStateException(
                    Path.of(command[0]).getFileName() + " failed (exit " + result.exitCode() + "): " + result.output().strip());
        }
        return result.output();
    }

    Result tryRun(long timeoutSeconds, String... command) {
        List<String> full = new ArrayList<>(prefix);
        full.addAll(List.of(command));
        var builder = new ProcessBuilder(full).redirectErrorStream(true).directory(Path.of("/").toFile());
        builder.environment().put("LC_ALL", "C");
        builder.environment().put("LANG", "C");
        builder.environment().remove("PGDATA");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    record Result(int exitCode, String output) {
    }
}
