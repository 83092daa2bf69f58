package io.entrepot.shared.command;

/** A batch command could not do its work; the message is printed as the one line of explanation. */
public class CommandFailedException extends RuntimeException {

    public CommandFailedException(String message) {
        super(message);
    }
}
