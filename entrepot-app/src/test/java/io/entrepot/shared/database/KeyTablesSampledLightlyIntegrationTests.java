package io.entrepot.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The tables read only by their keys are analyzed from a small sample (decisions 0028 and 0030): every column of them,
 * including any added later, has a statistics target of 10, since one column at the default would bring the whole
 * sample back to 30,000 rows. The key tables vacuumed at a measured pace have a target of 1 instead (decision 0037,
 * {@link PacedTablesSampledAtTheLeastIntegrationTests}).
 */
@IntegrationTest
class KeyTablesSampledLightlyIntegrationTests {

    private static final String[] TABLES = {"ordering.quote", "ordering.payment_event"};

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyColumnOfTheTablesReadOnlyByKeyHasTheSmallTarget() {
        List<String> columns = jdbc.sql("""
                select cast(a.attrelid::regclass as text) || '.' || a.attname || ': ' || coalesce(a.attstattarget, -1)
                from pg_attribute a where a.attrelid = any (cast(cast(:tables as text[]) as regclass[])) and a.attnum > 0 and not a.attisdropped
                """).param("tables", TABLES).query(String.class).list();
        assertThat(columns).hasSizeGreaterThan(TABLES.length * 3).allSatisfy(column -> assertThat(column).endsWith(": 10"));
    }
}
