package io.entrepot.shared.command;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A command's {@code --name value} options, checked against the names it knows and those it needs. */
public final class CommandOptions {

    private final Map<String, String> values;
    private final String usage;

    private CommandOptions(Map<String, String> values, String usage) {
        this.values = values;
        this.usage = usage;
    }

    public static CommandOptions parse(List<String> arguments, Set<String> known, Set<String> required, String usage) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            String name = arguments.get(i);
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw new CommandFailedException("unknown option '" + name + "'; usage: " + usage);
            }
            if (i + 1 >= arguments.size()) {
                throw new CommandFailedException(name + " needs a value; usage: " + usage);
            }
            values.put(name.substring(2), arguments.get(i + 1));
        }
        for (String name : required) {
            if (!values.containsKey(name)) {
                throw new CommandFailedException("--" + name + " is required; usage: " + usage);
            }
        }
        return new CommandOptions(values, usage);
    }

    public @Nullable String get(String name) {
        return values.get(name);
    }

    public String require(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new CommandFailedException("--" + name + " is required; usage: " + usage);
        }
        return value;
    }

    public Path path(String name) {
        return Path.of(require(name));
    }

    /** A number from {@code min} to {@code max}, or the default when the option is absent. */
    public double number(String name, double fallback, double min, double max) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            double number = Double.parseDouble(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CommandFailedException("--" + name + " must be a number from " + min + " to " + max + ", not '" + value + "'");
    }
}
