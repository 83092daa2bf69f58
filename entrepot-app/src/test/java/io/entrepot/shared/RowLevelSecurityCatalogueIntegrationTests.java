package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Walks PostgreSQL's catalogue: every table with a {@code seller_id} column forces row-level security
 * and has a policy keyed on the seller; the runtime role is neither superuser nor {@code BYPASSRLS} and
 * owns no table; every view runs with its caller's rights ({@code security_invoker}). A second test
 * shows the walk catches a table whose seller policy is dropped or whose RLS is no longer forced.
 */
@IntegrationTest
class RowLevelSecurityCatalogueIntegrationTests {

    /**
     * Tables with a seller_id that are public on purpose, with why: their policies let everyone read
     * and only the system write.
     */
    private static final java.util.Map<String, String> PUBLIC_BY_DESIGN = java.util.Map.of(
            "search.listing", "the storefront's index of LIVE offers: public titles, descriptions and prices, written by the indexer only");

    @Autowired
    Environment environment;

    /** Problems the catalogue shows, one line each; empty when isolation holds. */
    static List<String> problems(Connection owner, String appRole) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = owner.createStatement();
                ResultSet tables = statement.executeQuery("""
                        select n.nspname || '.' || c.relname as name, c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                                       and (p.qual like '%seller_id%' or p.with_check like '%seller_id%')) as seller_policy
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
                          and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'seller_id' and not a.attisdropped)
                        order by 1""")) {
            while (tables.next()) {
                String name = tables.getString("name");
                if (!tables.getBoolean("relrowsecurity") || !tables.getBoolean("relforcerowsecurity")) {
                    problems.add(name + ": row-level security is not enabled and forced");
                }
                if (!tables.getBoolean("seller_policy") && !PUBLIC_BY_DESIGN.containsKey(name)) {
                    problems.add(name + ": no policy keyed on seller_id");
                }
            }
        }
        try (var role = owner.prepareStatement("select rolsuper, rolbypassrls from pg_roles where rolname = ?")) {
            role.setString(1, appRole);
            try (ResultSet rs = role.executeQuery()) {
                assertThat(rs.next()).as("the runtime role exists").isTrue();
                if (rs.getBoolean(1) || rs.getBoolean(2)) {
                    problems.add(appRole + ": is superuser or has BYPASSRLS");
                }
            }
        }
        try (var owned = owner.prepareStatement("""
                select n.nspname || '.' || c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where pg_get_userbyid(c.relowner) = ? and c.relkind in ('r', 'p', 'v', 'm')""")) {
            owned.setString(1, appRole);
            try (ResultSet rs = owned.executeQuery()) {
                while (rs.next()) {
                    problems.add(rs.getString(1) + ": owned by the runtime role " + appRole);
                }
            }
        }
        try (Statement statement = owner.createStatement();
                ResultSet views = statement.executeQuery("""
                        select n.nspname || '.' || c.relname, coalesce(array_to_string(c.reloptions, ','), '')
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind = 'v' and n.nspname not in ('pg_catalog', 'information_schema')""")) {
            while (views.next()) {
                if (!views.getString(2).contains("security_invoker=true")) {
                    problems.add(views.getString(1) + ": a view without security_invoker");
                }
            }
        }
        return problems;
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }

    private String appRole() {
        return environment.getRequiredProperty("spring.datasource.username");
    }

    @Test
    void everyTableWithASellerIdIsIsolatedByTheDatabase() throws SQLException {
        try (Connection owner = owner()) {
            assertThat(problems(owner, appRole())).isEmpty();
        }
    }

    @Test
    void theWalkCatchesADroppedPolicyAndRlsThatIsNoLongerForced() throws SQLException {
        try (Connection owner = owner()) {
            owner.setAutoCommit(false);
            try (Statement statement = owner.createStatement()) {
                statement.execute("drop policy own_rows on reviews.seller_notice");
                statement.execute("alter table ordering.order_line no force row level security");
                assertThat(problems(owner, appRole())).containsExactlyInAnyOrder(
                        "reviews.seller_notice: no policy keyed on seller_id",
                        "ordering.order_line: row-level security is not enabled and forced");
            } finally {
                owner.rollback();
            }
            assertThat(problems(owner, appRole())).isEmpty();
        }
    }
}
