package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.identity.Identity;
import io.entrepot.identity.NewAccount;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tenant isolation is enforced by PostgreSQL itself: plain SQL on the app role's connections, with no
 * help from the application, sees only the actor's rows, and nothing at all without an actor.
 */
@IntegrationTest
class RowLevelSecurityIntegrationTests {

    /** Seller-owned tables and the column that names the owner. */
    private static final List<String[]> SELLER_TABLES = List.of(
            new String[] {"identity.api_key", "seller_id"},
            new String[] {"identity.user_account", "seller_id"},
            new String[] {"seller.seller", "id"});

    @LocalServerPort
    int port;
    @Autowired
    DataSource appRole;
    @Autowired
    Identity identity;

    UUID sellerA;
    UUID sellerB;

    @BeforeEach
    void twoSellersWithKeysAndUsers() {
        var api = new Api(port);
        sellerA = api.newSeller("RLS Seller A");
        sellerB = api.newSeller("RLS Seller B");
        api.newSellerKey(sellerA);
        api.newSellerKey(sellerB);
        ActorContext.runAs(Actor.system("test-fixture"), () -> {
            identity.createAccount(NewAccount.seller("a-" + sellerA + "@example.com", "password-a1", "User A", new SellerId(sellerA)));
            identity.createAccount(NewAccount.seller("b-" + sellerB + "@example.com", "password-b1", "User B", new SellerId(sellerB)));
        });
    }

    @Test
    void withSellerAsContextOnlySellerAsRowsAreVisible() throws SQLException {
        try (Connection connection = appRole.getConnection()) {
            connection.setAutoCommit(false);
            actAsSeller(connection, sellerA);
            for (String[] table : SELLER_TABLES) {
                List<@Nullable UUID> owners = owners(connection, table);
                assertThat(owners).as(table[0]).isNotEmpty().containsOnly(sellerA).doesNotContain(sellerB);
            }
            connection.rollback();
        }
    }

    @Test
    void withNoContextNoRowsAreVisible() throws SQLException {
        try (Connection connection = appRole.getConnection()) {
            connection.setAutoCommit(false);
            for (String[] table : SELLER_TABLES) {
                assertThat(owners(connection, table)).as(table[0]).isEmpty();
            }
            connection.rollback();
        }
    }

    @Test
    void aSellerCannotWriteRowsForAnotherSeller() throws SQLException {
        try (Connection connection = appRole.getConnection()) {
            connection.setAutoCommit(false);
            actAsSeller(connection, sellerA);
            try (var update = connection.prepareStatement("update identity.api_key set label = 'stolen' where seller_id = ?")) {
                update.setObject(1, sellerB);
                assertThat(update.executeUpdate()).isZero();
            }
            try (var insert = connection.prepareStatement("""
                    insert into identity.api_key (id, key_hash, key_prefix, label, scope, seller_id, created_by, created_at)
                    values (?, ?, 'ent_x', 'planted', 'seller', ?, 'test', now())""")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setBytes(2, UUID.randomUUID().toString().getBytes());
                insert.setObject(3, sellerB);
                assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class)
                        .hasMessageContaining("row-level security");
            }
            connection.rollback();
        }
    }

    @Test
    void everyTableWithASellerIdIsForcedUnderRowLevelSecurityWithPolicies() throws SQLException {
        List<String> unprotected = new ArrayList<>();
        try (Connection connection = appRole.getConnection();
                var statement = connection.createStatement();
                var rs = statement.executeQuery("""
                        select c.oid::regclass::text as name, c.relrowsecurity, c.relforcerowsecurity,
                               (select count(*) from pg_policy p where p.polrelid = c.oid) as policies
                        from pg_class c
                        join pg_namespace n on n.oid = c.relnamespace
                        join pg_attribute a on a.attrelid = c.oid and a.attname = 'seller_id' and not a.attisdropped
                        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                        """)) {
            int tables = 0;
            while (rs.next()) {
                tables++;
                if (!rs.getBoolean("relrowsecurity") || !rs.getBoolean("relforcerowsecurity") || rs.getLong("policies") == 0) {
                    unprotected.add(rs.getString("name"));
                }
            }
            assertThat(tables).isGreaterThanOrEqualTo(2);
        }
        assertThat(unprotected).as("tables with seller_id but without forced row-level security").isEmpty();
    }

    @Test
    void theAppRoleOwnsNothingAndCannotBypassPolicies() throws SQLException {
        try (Connection connection = appRole.getConnection(); var statement = connection.createStatement()) {
            try (var rs = statement.executeQuery(
                    "select rolsuper, rolbypassrls, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user")) {
                assertThat(rs.next()).isTrue();
                for (int column = 1; column <= 4; column++) {
                    assertThat(rs.getBoolean(column)).isFalse();
                }
            }
            try (var rs = statement.executeQuery("""
                    select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where pg_get_userbyid(c.relowner) = current_user and n.nspname not like 'pg_%'""")) {
                rs.next();
                assertThat(rs.getLong(1)).as("objects owned by the app role").isZero();
            }
        }
    }

    private static void actAsSeller(Connection connection, UUID seller) throws SQLException {
        try (var set = connection.prepareStatement("""
                select set_config('entrepot.actor_kind', 'seller', true), set_config('entrepot.seller_id', ?, true)""")) {
            set.setString(1, seller.toString());
            set.execute();
        }
    }

    private static List<@Nullable UUID> owners(Connection connection, String[] table) throws SQLException {
        List<@Nullable UUID> owners = new ArrayList<>();
        try (var statement = connection.createStatement();
                var rs = statement.executeQuery("select " + table[1] + " from " + table[0])) {
            while (rs.next()) {
                // A visible row without an owner (operator accounts, say) is a leak too: keep the null.
                owners.add(rs.getObject(1, UUID.class));
            }
        }
        return owners;
    }
}
