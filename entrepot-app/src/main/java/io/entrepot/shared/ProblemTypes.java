package io.entrepot.shared;

import java.net.URI;

/** Stable RFC 9457 problem type URIs; clients may switch on them. */
public final class ProblemTypes {

    public static final String PREFIX = "urn:entrepot:problem:";

    private ProblemTypes() {
    }

    public static URI of(String slug) {
        return URI.create(PREFIX + slug);
    }
}
