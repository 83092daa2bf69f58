package io.entrepot.ordering;

import io.entrepot.governance.SalesSource;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sales per seller and category of one market and period, read as the system for the k-anonymous
 * aggregates of the governance module — which alone may call this, and publishes only cells that hide
 * every seller. Paid orders only (placed and after, not cancelled), goods in the market's currency.
 */
@Service
public class SalesFacts implements SalesSource {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    SalesFacts(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public List<SellerCategorySales> of(String market, Instant from, Instant to) {
        return ActorContext.callAs(Actor.system("k-anonymous-aggregates"), () -> tx.execute(status -> jdbc.sql("""
                        select l.category, s.seller_id, sum(l.quantity) as units, sum(l.quantity * l.unit_price_minor) as goods, l.currency,
                               count(distinct s.id) as orders
                        from ordering.order_line l join ordering.seller_order s on s.id = l.seller_order_id
                        where s.market_code = :market and s.created_at >= :from and s.created_at < :to
                          and s.status in ('placed', 'shipped', 'delivered', 'released')
                        group by l.category, s.seller_id, l.currency
                        """)
                .param("market", market).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new SellerCategorySales(rs.getString("category"), rs.getObject("seller_id", UUID.class), rs.getLong("units"),
                        rs.getLong("goods"), rs.getString("currency"), rs.getLong("orders")))
                .list()));
    }
}
