package io.entrepot.shared.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * The entry point's switch: no arguments serves HTTP; otherwise the arguments name a batch command,
 * which runs in a context without a web server and ends the process with its exit code.
 */
public final class CommandLauncher {

    private CommandLauncher() {
    }

    public static void main(Class<?> application, String[] args) {
        if (args.length == 0 || args[0].startsWith("--")) {
            new SpringApplicationBuilder(application).main(application).run(args);
            return;
        }
        System.exit(runCommand(application, args, System.out, System.err));
    }

    static int runCommand(Class<?> application, String[] args, PrintStream out, PrintStream err) {
        List<Descriptor> commands = discover(application.getPackageName());
        if (args[0].equals("help") || args[0].equals("--help")) {
            printHelp(commands, out);
            return 0;
        }
        Descriptor command = match(commands, args);
        if (command == null) {
            err.println("entrepot: unknown command '" + String.join(" ", args) + "'; run 'help' to list the commands");
            return 2;
        }
        List<String> rest = List.of(args).subList(command.words().size(), args.length);
        if (!command.database()) {
            return runStandalone(command, rest, err);
        }
        // Start-up logging would bury the one line that matters; ENTREPOT_VERBOSE=1 shows it.
        boolean quiet = System.getenv("ENTREPOT_VERBOSE") == null;
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        var startupLog = new java.io.ByteArrayOutputStream();
        if (quiet) {
            var sink = new PrintStream(startupLog, true, java.nio.charset.StandardCharsets.UTF_8);
            System.setOut(sink);
            System.setErr(sink);
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application).main(application)
                .web(WebApplicationType.NONE)
                .properties(Map.of(
                        "entrepot.command.active", "true",
                        "logging.level.root", "WARN",
                        "logging.level.org.springframework.boot", "OFF",
                        "spring.main.banner-mode", "off"))
                .run()) {
            System.setOut(realOut);
            System.setErr(realErr);
            CommandHandler handler = (CommandHandler) context.getBean(command.type());
            return handler.run(rest);
        } catch (CommandFailedException e) {
            System.setOut(realOut);
            System.setErr(realErr);
            err.println("entrepot " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            System.setOut(realOut);
            System.setErr(realErr);
            err.println("entrepot " + command.name() + ": " + rootMessage(e));
            return 1;
        }
    }

    private static int runStandalone(Descriptor command, List<String> arguments, PrintStream err) {
        try {
            var constructor = command.type().getDeclaredConstructor();
            constructor.setAccessible(true);
            return ((CommandHandler) constructor.newInstance()).run(arguments);
        } catch (CommandFailedException e) {
            err.println("entrepot " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            err.println("entrepot " + command.name() + ": " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println("entrepot " + command.name() + ": " + rootMessage(e));
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getName().endsWith("DatabaseStartupException")
                    || cause instanceof CommandFailedException) {
                return cause.getMessage();
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static @Nullable Descriptor match(List<Descriptor> commands, String[] args) {
        return commands.stream()
                .filter(c -> c.words().size() <= args.length
                        && c.words().equals(Arrays.asList(args).subList(0, c.words().size())))
                .max(Comparator.comparingInt(c -> c.words().size()))
                .orElse(null);
    }

    private static void printHelp(List<Descriptor> commands, PrintStream out) {
        out.println("Usage: java -jar entrepot-app.jar [command [options]]");
        out.println("With no command the platform serves HTTP. Commands run against the configured database and exit:");
        out.println();
        int width = commands.stream().mapToInt(c -> c.name().length()).max().orElse(0);
        out.printf("  %-" + width + "s  %s%n", "help", "list the commands");
        for (Descriptor command : commands) {
            out.printf("  %-" + width + "s  %s%n", command.name(), command.summary());
            if (!command.usage().isBlank()) {
                out.printf("  %-" + width + "s    usage: %s %s%n", "", command.name(), command.usage());
            }
        }
    }

    static List<Descriptor> discover(String basePackage) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(OperatorCommand.class));
        List<Descriptor> found = new ArrayList<>();
        for (var candidate : scanner.findCandidateComponents(basePackage)) {
            var attributes = ((AnnotatedBeanDefinition) candidate).getMetadata()
                    .getAnnotationAttributes(OperatorCommand.class.getName());
            if (attributes == null) {
                continue;
            }
            try {
                Class<?> type = Class.forName(candidate.getBeanClassName(), false, CommandLauncher.class.getClassLoader());
                found.add(new Descriptor((String) attributes.get("name"), (String) attributes.get("summary"),
                        (String) attributes.get("usage"), (Boolean) attributes.get("database"), type));
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }
        found.sort(Comparator.comparing(Descriptor::name));
        return found;
    }

    record Descriptor(String name, String summary, String usage, boolean database, Class<?> type) {
        List<String> words() {
            return List.of(name.trim().split("\\s+"));
        }
    }
}
