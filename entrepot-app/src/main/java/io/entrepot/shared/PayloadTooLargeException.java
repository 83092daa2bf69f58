package io.entrepot.shared;

/** A request body went past the configured limit while it was being read. */
public class PayloadTooLargeException extends java.io.IOException {

    public PayloadTooLargeException(long limit) {
        super("request body exceeds the limit of " + limit + " bytes");
    }
}
