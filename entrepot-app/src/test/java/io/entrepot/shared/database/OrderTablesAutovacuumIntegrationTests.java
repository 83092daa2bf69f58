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
 * settings: analyzed when their changes reach their size (decision 0023) and no sooner than after 100,000 changes;
 * those whose rows are updated after their insert are also vacuumed no sooner than after 100,000 changes, while
 * those only ever inserted into keep PostgreSQL's vacuum thresholds (decision 0029). The floored ones are vacuumed at
 * a measured pace, the others at the server's (decision 0031). Storage parameters of each table, so they hold on an
 * external server too.
 */
@IntegrationTest
class OrderTablesAutovacuumIntegrationTests {

    private static final List<String> UPDATED = List.of("ordering.idempotency_key", "ordering.buyer_order", "ordering.seller_order", "ordering.payment",
            "ordering.provider_call", "psp_sandbox.request", "psp_sandbox.payment", "psp_sandbox.webhook", "catalog.reservation");

    private static final List<String> INSERTED_ONLY = List.of("ordering.quote", "ordering.order_line", "ordering.payment_event", "ledger.journal_entry",
            "ledger.posting");

    private static final String VACUUM_FLOOR = "autovacuum_vacuum_threshold=100000";

    private static final String VACUUM_INSERT_FLOOR = "autovacuum_vacuum_insert_threshold=100000";

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyTableThatGrowsWithEveryOrderIsAnalyzedAfterTheFloorAndAtItsSize() {
        assertThat(optionsOf(UPDATED, INSERTED_ONLY)).hasSize(UPDATED.size() + INSERTED_ONLY.size()).allSatisfy((table, settings) ->
                assertThat(settings).as(table).contains("autovacuum_analyze_scale_factor=1.0", "autovacuum_analyze_threshold=100000"));
    }

    @Test
    void theTablesUpdatedAfterTheirInsertAreVacuumedAfterTheFloorAndTheOthersAtPostgresDefaults() {
        assertThat(optionsOf(UPDATED)).allSatisfy((table, settings) -> assertThat(settings).as(table).contains(VACUUM_FLOOR, VACUUM_INSERT_FLOOR));
        assertThat(optionsOf(INSERTED_ONLY)).allSatisfy((table, settings) -> assertThat(settings).as(table)
                .noneMatch(setting -> setting.startsWith("autovacuum_vacuum_")));
    }

    @Test
    void theTablesVacuumedAfterTheFloorAreVacuumedAtAMeasuredPace() {
        assertThat(optionsOf(UPDATED)).allSatisfy((table, settings) -> assertThat(settings).as(table)
                .contains("autovacuum_vacuum_cost_delay=10", "autovacuum_vacuum_cost_limit=10"));
    }

    @SafeVarargs
    private Map<String, List<String>> optionsOf(List<String>... tableLists) {
        Map<String, List<String>> options = new java.util.TreeMap<>();
        for (List<String> tables : tableLists) {
            for (String table : tables) {
                options.put(table, jdbc.sql("select coalesce(reloptions, '{}') from pg_class where oid = cast(:table as regclass)")
                        .param("table", table).query((rs, n) -> List.of((String[]) rs.getArray(1).getArray())).single());
            }
        }
        return options;
    }
}
