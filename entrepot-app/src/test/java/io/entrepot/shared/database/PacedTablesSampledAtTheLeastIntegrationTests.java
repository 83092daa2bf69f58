package io.entrepot.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table with its own autovacuum pace is analyzed at that pace too, and an analysis's snapshot keeps the whole database
 * from pruning while it runs; so every column of such a table and every expression of its indexes, including any added
 * later, has a statistics target of 1 and an analysis reads 300 pages (decision 0037). The paced tables are found by
 * their storage parameters, so a table paced later is held to it as well.
 */
@IntegrationTest
class PacedTablesSampledAtTheLeastIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyColumnAndIndexExpressionOfATableVacuumedAtItsOwnPaceHasTheLeastTarget() {
        List<String> paced = jdbc.sql("""
                select cast(c.oid::regclass as text) from pg_class c
                where c.relkind = 'r' and exists (select 1 from unnest(c.reloptions) o where o like 'autovacuum_vacuum_cost_limit=%')
                order by 1
                """).query(String.class).list();
        assertThat(paced).containsExactlyInAnyOrder("ordering.idempotency_key", "ordering.buyer_order", "ordering.seller_order", "ordering.payment",
                "ordering.provider_call", "psp_sandbox.request", "psp_sandbox.payment", "psp_sandbox.webhook", "catalog.reservation");

        List<String> columns = jdbc.sql("""
                select cast(a.attrelid::regclass as text) || '.' || a.attname || ': ' || coalesce(a.attstattarget, -1)
                from pg_attribute a where a.attrelid = any (cast(cast(:tables as text[]) as regclass[])) and a.attnum > 0 and not a.attisdropped
                """).param("tables", paced.toArray(String[]::new)).query(String.class).list();
        assertThat(columns).hasSizeGreaterThan(paced.size() * 3).allSatisfy(column -> assertThat(column).endsWith(": 1"));

        List<String> expressions = jdbc.sql("""
                select cast(a.attrelid::regclass as text) || '.' || a.attnum || ': ' || coalesce(a.attstattarget, -1)
                from pg_index i join pg_attribute a on a.attrelid = i.indexrelid
                where i.indrelid = any (cast(cast(:tables as text[]) as regclass[])) and i.indexprs is not null
                  and a.attnum > 0 and i.indkey[a.attnum - 1] = 0
                """).param("tables", paced.toArray(String[]::new)).query(String.class).list();
        assertThat(expressions).contains("ordering.buyer_order_email_idx.1: 1").allSatisfy(expression -> assertThat(expression).endsWith(": 1"));
    }
}
