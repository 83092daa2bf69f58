package io.entrepot.shared.database;

/** The platform cannot get a database; the message is one sentence saying what to do. */
public class DatabaseStartupException extends RuntimeException {

    public DatabaseStartupException(String message, Throwable cause) {
        super(message, cause);
    }

    public DatabaseStartupException(String message) {
        super(message);
    }
}
