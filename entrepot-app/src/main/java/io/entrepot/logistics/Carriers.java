package io.entrepot.logistics;

import io.entrepot.shared.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carriers that report tracking events, each with one key scoped to sending them. The key is shown
 * once when issued and stored as its SHA-256 hash; issuing a new one replaces the old.
 */
@Service
@Transactional(readOnly = true)
public class Carriers {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    Carriers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Carrier(String code, String name, boolean hasKey) {
    }

    public List<Carrier> list() {
        return jdbc.sql("select code, name, key_hash is not null as has_key from logistics.carrier order by code")
                .query((rs, n) -> new Carrier(rs.getString("code"), rs.getString("name"), rs.getBoolean("has_key"))).list();
    }

    /** Registers a carrier (or renames it). */
    @Transactional
    public Carrier register(String code, String name) {
        if (!code.matches("[a-z0-9-]{2,40}")) {
            throw new IllegalArgumentException("a carrier code has 2 to 40 lower-case letters, digits or dashes");
        }
        if (name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a carrier name has 1 to 200 characters");
        }
        jdbc.sql("insert into logistics.carrier (code, name) values (:code, :name) on conflict (code) do update set name = excluded.name")
                .param("code", code).param("name", name.strip()).update();
        return list().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }

    /** A new key for the carrier, replacing any earlier one; the only time the key is seen in clear. */
    @Transactional
    public String issueKey(String code) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String prefix = "ck_" + code + "_";
        String key = prefix + HexFormat.of().formatHex(secret);
        int updated = jdbc.sql("update logistics.carrier set key_prefix = :prefix, key_hash = :hash where code = :code")
                .param("prefix", prefix + key.substring(prefix.length(), prefix.length() + 4)).param("hash", hash(key)).param("code", code).update();
        if (updated == 0) {
            throw new NotFoundException("carrier", code);
        }
        return key;
    }

    /** The carrier a key belongs to; empty for an unknown key. */
    public Optional<String> authenticate(String key) {
        if (key.length() < 10 || key.length() > 200 || !key.startsWith("ck_")) {
            return Optional.empty();
        }
        return jdbc.sql("select code from logistics.carrier where key_hash = :hash").param("hash", hash(key)).query(String.class).optional();
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
