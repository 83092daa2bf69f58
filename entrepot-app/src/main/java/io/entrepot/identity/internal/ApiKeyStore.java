package io.entrepot.identity.internal;

import io.entrepot.identity.ApiKeyScope;
import io.entrepot.identity.ApiKeySummary;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code identity.api_key}; row-level security decides which rows the current actor reaches. */
@Repository
public class ApiKeyStore {

    private final JdbcClient jdbc;

    ApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, byte[] hash, String prefix, String label, ApiKeyScope scope, String createdBy, Instant now) {
        String role = scope instanceof ApiKeyScope.Operator op ? op.role().key() : null;
        UUID sellerId = scope instanceof ApiKeyScope.Seller s ? s.sellerId().value() : null;
        jdbc.sql("""
                insert into identity.api_key (id, key_hash, key_prefix, label, scope, operator_role, seller_id, created_by, created_at)
                values (:id, :hash, :prefix, :label, :scope, :role, :seller, :by, :now)
                """)
                .param("id", id).param("hash", hash).param("prefix", prefix).param("label", label)
                .param("scope", scope instanceof ApiKeyScope.Operator ? "operator" : "seller")
                .param("role", role).param("seller", sellerId).param("by", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    public Optional<StoredKey> findActiveByHash(byte[] hash) {
        return jdbc.sql("""
                select id, scope, operator_role, seller_id, last_used_at
                from identity.api_key where key_hash = :hash and revoked_at is null
                """)
                .param("hash", hash)
                .query((rs, n) -> new StoredKey(rs.getObject("id", UUID.class), scopeOf(rs), instant(rs, "last_used_at")))
                .optional();
    }

    public boolean existsByHash(byte[] hash) {
        return jdbc.sql("select count(*) from identity.api_key where key_hash = :hash")
                .param("hash", hash).query(Long.class).single() > 0;
    }

    public void touch(UUID id, Instant now) {
        jdbc.sql("update identity.api_key set last_used_at = :now where id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
    }

    public List<ApiKeySummary> forSeller(SellerId sellerId) {
        return jdbc.sql("select * from identity.api_key where seller_id = :seller order by created_at desc")
                .param("seller", sellerId.value())
                .query(ApiKeyStore::summary).list();
    }

    public List<ApiKeySummary> operatorKeys() {
        return jdbc.sql("select * from identity.api_key where scope = 'operator' order by created_at desc")
                .query(ApiKeyStore::summary).list();
    }

    public Optional<ApiKeySummary> find(UUID id) {
        return jdbc.sql("select * from identity.api_key where id = :id").param("id", id)
                .query(ApiKeyStore::summary).optional();
    }

    /** Returns false when no visible, active key has this id. */
    public boolean revoke(UUID id, Instant now) {
        return jdbc.sql("update identity.api_key set revoked_at = :now where id = :id and revoked_at is null")
                .param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    public long countActive() {
        return jdbc.sql("select count(*) from identity.api_key where revoked_at is null").query(Long.class).single();
    }

    private static ApiKeySummary summary(ResultSet rs, int row) throws SQLException {
        return new ApiKeySummary(rs.getObject("id", UUID.class), rs.getString("key_prefix"), rs.getString("label"),
                rs.getString("scope"), rs.getString("operator_role"), rs.getObject("seller_id", UUID.class),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    private static ApiKeyScope scopeOf(ResultSet rs) throws SQLException {
        return "operator".equals(rs.getString("scope"))
                ? new ApiKeyScope.Operator(OperatorRole.fromKey(rs.getString("operator_role")))
                : new ApiKeyScope.Seller(new SellerId(rs.getObject("seller_id", UUID.class)));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    /** What authentication needs of a key. */
    public record StoredKey(UUID id, ApiKeyScope scope, @Nullable Instant lastUsedAt) {
    }
}
