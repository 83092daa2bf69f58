package io.entrepot.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables that grow with every order, in the ordering, catalog and ledger modules, carry their autovacuum
 * settings: analyzed when their changes reach their size (decision 0023), and vacuumed and analyzed no sooner than
 * after 100,000 changes (decision 0029). Storage parameters of each table, so they hold on an external server too.
 */
@IntegrationTest
class OrderTablesAutovacuumIntegrationTests {

    private static final List<String> TABLES = List.of("ordering.quote", "ordering.idempotency_key", "ordering.buyer_order", "ordering.seller_order",
            "ordering.order_line", "ordering.payment", "ordering.payment_event", "ordering.provider_call", "psp_sandbox.request", "psp_sandbox.payment",
            "psp_sandbox.webhook", "catalog.reservation", "ledger.journal_entry", "ledger.posting");

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableThatGrowsWithEveryOrderIsVacuumedAfterTheFloorAndAnalyzedAtItsSize() {
        Map<String, List<String>> options = new java.util.TreeMap<>();
        for (String table : TABLES) {
            options.put(table, jdbc.sql("select coalesce(reloptions, '{}') from pg_class where oid = cast(:table as regclass)")
                    .param("table", table).query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single());
        }
        assertThat(options).hasSize(TABLES.size()).allSatisfy((table, settings) -> assertThat(settings).as(table).contains(
                "autovacuum_analyze_scale_factor=1.0", "autovacuum_vacuum_threshold=100000", "autovacuum_vacuum_insert_threshold=100000",
                "autovacuum_analyze_threshold=100000"));
    }
}
