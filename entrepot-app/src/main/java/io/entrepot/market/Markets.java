package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The market module's API. Markets are reference data: anyone may read them. */
@Service
public class Markets {

    private final JdbcClient jdbc;

    Markets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<MarketSummary> all() {
        return jdbc.sql("select code, name, currency, default_locale, status from market.market order by name")
                .query((rs, n) -> new MarketSummary(rs.getString("code"), rs.getString("name"),
                        CurrencyCode.of(rs.getString("currency")), rs.getString("default_locale"),
                        "open".equals(rs.getString("status"))))
                .list();
    }
}
