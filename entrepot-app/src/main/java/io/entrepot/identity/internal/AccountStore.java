package io.entrepot.identity.internal;

import io.entrepot.identity.AccountKind;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code identity.user_account}. */
@Repository
public class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String email, String passwordHash, String displayName, AccountKind kind,
            @Nullable SellerId sellerId, Set<OperatorRole> roles, Instant now) {
        jdbc.sql("""
                insert into identity.user_account (id, email, password_hash, display_name, kind, seller_id, operator_roles, created_at)
                values (:id, :email, :hash, :name, :kind, :seller, string_to_array(:roles, ','), :now)
                """)
                .param("id", id).param("email", email.trim()).param("hash", passwordHash).param("name", displayName)
                .param("kind", kind.name().toLowerCase(Locale.ROOT))
                .param("seller", sellerId == null ? null : sellerId.value())
                .param("roles", String.join(",", roles.stream().map(OperatorRole::key).sorted().toList()))
                .param("now", Timestamp.from(now))
                .update();
    }

    public boolean emailTaken(String email) {
        return jdbc.sql("select count(*) from identity.user_account where lower(email) = lower(:email)")
                .param("email", email.trim()).query(Long.class).single() > 0;
    }

    public Optional<StoredAccount> findByEmail(String email) {
        return jdbc.sql("select * from identity.user_account where lower(email) = lower(:email)")
                .param("email", email.trim())
                .query(AccountStore::account).optional();
    }

    public long count(AccountKind kind) {
        return jdbc.sql("select count(*) from identity.user_account where kind = :kind")
                .param("kind", kind.name().toLowerCase(Locale.ROOT)).query(Long.class).single();
    }

    private static StoredAccount account(ResultSet rs, int row) throws SQLException {
        Set<OperatorRole> roles = EnumSet.noneOf(OperatorRole.class);
        Array array = rs.getArray("operator_roles");
        if (array != null) {
            for (Object role : (Object[]) array.getArray()) {
                roles.add(OperatorRole.fromKey((String) role));
            }
        }
        UUID seller = rs.getObject("seller_id", UUID.class);
        return new StoredAccount(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("password_hash"),
                rs.getString("display_name"), AccountKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                seller == null ? null : new SellerId(seller), roles, rs.getBoolean("enabled"));
    }

    /** An account as authentication sees it. */
    public record StoredAccount(UUID id, String email, String passwordHash, String displayName, AccountKind kind,
            @Nullable SellerId sellerId, Set<OperatorRole> roles, boolean enabled) {
    }
}
