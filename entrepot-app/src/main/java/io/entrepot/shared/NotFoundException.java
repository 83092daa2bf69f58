package io.entrepot.shared;

/** The requested object does not exist, or the actor may not know that it exists: both answer 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
