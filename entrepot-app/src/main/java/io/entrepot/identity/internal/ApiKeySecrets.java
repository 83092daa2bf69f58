package io.entrepot.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * API key secrets: {@code ent_} and 32 random bytes, stored only as their SHA-256 hash. A fast hash is
 * right for keys (unlike passwords, which use bcrypt): 256 random bits cannot be guessed offline.
 */
public final class ApiKeySecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecrets() {
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "ent_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static byte[] hash(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first characters, shown in listings so a person can tell keys apart. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(12, secret.length()));
    }
}
