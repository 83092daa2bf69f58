package io.entrepot.shared;

/** The request clashes with the current state (a duplicate, a wrong status): answered with 409. */
public class ConflictException extends RuntimeException {

    private final String problemSlug;

    public ConflictException(String problemSlug, String message) {
        super(message);
        this.problemSlug = problemSlug;
    }

    /** The stable last part of the problem type, e.g. {@code duplicate-email}. */
    public String problemSlug() {
        return problemSlug;
    }
}
