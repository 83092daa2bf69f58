package io.entrepot.shared;

/**
 * A request refused with a specific 4xx status other than 404 or 409, such as 422 for an idempotency
 * key reused with another body or 402 for a declined payment.
 */
public class RefusedException extends RuntimeException {

    private final int status;
    private final String problemSlug;

    public RefusedException(int status, String problemSlug, String message) {
        super(message);
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException("a refusal is a 4xx status");
        }
        this.status = status;
        this.problemSlug = problemSlug;
    }

    public int status() {
        return status;
    }

    public String problemSlug() {
        return problemSlug;
    }
}
