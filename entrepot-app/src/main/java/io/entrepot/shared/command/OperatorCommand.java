package io.entrepot.shared.command;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link CommandHandler} bean as a batch command run with {@code java -jar entrepot-app.jar <name> ...}.
 * The name may have several words, e.g. {@code db migrate}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Component
public @interface OperatorCommand {

    String name();

    /** One line for {@code help}. */
    String summary();

    /** The options after the name, for {@code help}, e.g. {@code --input FILE}. */
    String usage() default "";

    /**
     * Whether the command needs the platform (database, modules). Commands that only read and write
     * files say false: they run without starting a database, and their class needs a no-argument
     * constructor.
     */
    boolean database() default true;
}
