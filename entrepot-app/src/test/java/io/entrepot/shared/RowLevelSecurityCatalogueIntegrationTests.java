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
 * Walks PostgreSQL's catalogue: every table with a {@code seller_id} column forces row-level security,
 * has a policy giving the acting seller its own rows, and lets operator staff in only through an
 * access grant (bar the listed standing duties); the runtime role is neither superuser nor
 * {@code BYPASSRLS} and owns no table; every view runs with its caller's rights
 * ({@code security_invoker}). A second test shows the walk catches a table whose seller policy is
 * dropped, whose RLS is no longer forced, or that gains a role-wide staff policy.
 */
@IntegrationTest
class RowLevelSecurityCatalogueIntegrationTests {

    /**
     * Tables with a seller_id that are public on purpose, with why: their policies let everyone read
     * and only the system write.
     */
    private static final java.util.Map<String, String> PUBLIC_BY_DESIGN = java.util.Map.of(
            "search.listing", "the storefront's index of LIVE offers: public titles, descriptions and prices, written by the indexer only");

    /**
     * Policies on tables with a seller_id that let operator staff in by role alone, without an access
     * grant, with why each is a standing duty rather than a look at a seller's business (decision 0015).
     * Every other staff policy on such a table must go through {@code governance.grant_allows}.
     */
    private static final java.util.Map<String, String> STANDING_DUTIES = duties(
            "onboarding, KYC and restrictions: the operator's own process with the seller",
            List.of("seller.restriction staff_read", "seller.restriction admin_write", "seller.seller_event staff_read",
                    "seller.seller_event admin_write", "seller.warehouse staff_read", "seller.warehouse admin_write"),
            "content moderation and the enforcement ladder: buyers' reviews, every decision recorded",
            List.of("reviews.review moderation_read", "reviews.review_band moderation_read", "reviews.moderation_decision moderation_read",
                    "reviews.review_report moderation_read", "reviews.confirmed_fake moderation_read", "reviews.enforcement_action moderation_read",
                    "reviews.appeal moderation_read", "reviews.seller_notice moderation_read"),
            "the ranking penalty the platform set, not the seller's business",
            List.of("search.seller_ranking staff_read"),
            "risk control: finance sets the reserve held back from payouts",
            List.of("ledger.reserve_policy finance_all"),
            "accounts and keys: admins issue them (operator rows only, or a seller's new key)",
            List.of("identity.api_key admin_issues_seller_keys", "identity.api_key admin_operator_keys", "identity.user_account admin_staff"),
            "the grants and the log themselves: requesters, compliance and auditors",
            List.of("governance.access_grant grantee_rows", "governance.access_grant compliance_all", "governance.access_grant auditor_read",
                    "governance.access_log staff_append", "governance.access_log oversight_read"));

    private static java.util.Map<String, String> duties(Object... reasonsAndPolicies) {
        java.util.Map<String, String> duties = new java.util.HashMap<>();
        for (int i = 0; i < reasonsAndPolicies.length; i += 2) {
            String reason = (String) reasonsAndPolicies[i];
            for (Object policy : (List<?>) reasonsAndPolicies[i + 1]) {
                duties.put((String) policy, reason);
            }
        }
        return java.util.Map.copyOf(duties);
    }

    @Autowired
    Environment environment;

    /** Problems the catalogue shows, one line each; empty when isolation holds. */
    static List<String> problems(Connection owner, String appRole) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (Statement statement = owner.createStatement();
                ResultSet tables = statement.executeQuery("""
                        select n.nspname || '.' || c.relname as name, c.relrowsecurity, c.relforcerowsecurity,
                               exists (select 1 from pg_policies p where p.schemaname = n.nspname and p.tablename = c.relname
                                       and p.qual like '%seller_id = %shared.actor_seller_id()%') as seller_policy
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
        try (Statement statement = owner.createStatement();
                ResultSet policies = statement.executeQuery("""
                        select p.schemaname || '.' || p.tablename as name, p.policyname, coalesce(p.qual, p.with_check) as rule
                        from pg_policies p
                        where exists (select 1 from pg_attribute a
                                      where a.attrelid = (quote_ident(p.schemaname) || '.' || quote_ident(p.tablename))::regclass
                                        and a.attname = 'seller_id' and not a.attisdropped)
                          and (coalesce(p.qual, '') || coalesce(p.with_check, '')) ~ 'actor_is_staff\\(|actor_has_role\\('
                          and coalesce(p.qual, '') not like '%grant_allows%'
                        order by 1, 2""")) {
            while (policies.next()) {
                String key = policies.getString("name") + " " + policies.getString("policyname");
                if (!STANDING_DUTIES.containsKey(key)) {
                    problems.add(policies.getString("name") + ": policy " + policies.getString("policyname")
                            + " lets operator staff in by role, without an access grant: " + policies.getString("rule"));
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
                statement.execute("create policy staff_read on ledger.posting for select using (shared.actor_has_role('finance'))");
                assertThat(problems(owner, appRole())).containsExactlyInAnyOrder(
                        "reviews.seller_notice: no policy keyed on seller_id",
                        "ordering.order_line: row-level security is not enabled and forced",
                        "ledger.posting: policy staff_read lets operator staff in by role, without an access grant: "
                                + "shared.actor_has_role('finance'::text)");
            } finally {
                owner.rollback();
            }
            assertThat(problems(owner, appRole())).isEmpty();
        }
    }
}
