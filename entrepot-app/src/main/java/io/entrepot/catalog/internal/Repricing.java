package io.entrepot.catalog.internal;

import io.entrepot.market.ExchangeRatesChanged;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Prices;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Re-derives the prices of live offers whose exchange rate changed (explicit prices stay as the seller
 * set them), records each change in the price history and tells search. A rate that is missing or
 * stale leaves the current price in place.
 */
@Component
class Repricing {

    private static final Log log = LogFactory.getLog(Repricing.class);
    private static final Actor REPRICING = Actor.system("fx-repricing");

    private final JdbcClient jdbc;
    private final CatalogStore store;
    private final Prices prices;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ProductsChangedNotifier notifier;

    Repricing(JdbcClient jdbc, CatalogStore store, Prices prices, TransactionTemplate transactions,
            Clock clock, ProductsChangedNotifier notifier) {
        this.jdbc = jdbc;
        this.store = store;
        this.prices = prices;
        this.transactions = transactions;
        this.clock = clock;
        this.notifier = notifier;
    }

    @Async
    @TransactionalEventListener
    void on(ExchangeRatesChanged event) {
        ActorContext.runAs(REPRICING, () -> reprice(event.currencies()));
    }

    /**
     * Derives every affected price outside any transaction of ours — a price that cannot be derived (no
     * rate for its market, a rate too old) fails on its own and keeps its old price, without dooming the
     * others' transaction — then writes the changed prices together. Each market and each currency pair's
     * rate is looked up once per run, not once per price: a rate change touches every live offer of the
     * currencies it names (all of them when the euro's rates change), thousands of prices for a few pairs.
     */
    void reprice(Set<String> currencies) {
        List<DerivedRow> rows = transactions.execute(tx -> derivedPrices(currencies));
        record Change(DerivedRow row, io.entrepot.market.DerivedPrice derived) {
        }
        List<Change> changes = new java.util.ArrayList<>();
        Prices.Run pricing = prices.run();
        for (DerivedRow row : java.util.Objects.requireNonNull(rows)) {
            try {
                Optional<io.entrepot.market.DerivedPrice> derived = pricing.derive(row.base(), MarketCode.of(row.market()), row.markupPct());
                if (derived.isEmpty()) {
                    log.debug("kept the price of offer " + row.offerId() + ": no fresh " + row.base().currency() + " rate for " + row.market());
                } else if (derived.get().price().minor() != row.priceMinor()) {
                    changes.add(new Change(row, derived.get()));
                }
            } catch (RuntimeException e) {
                log.debug("kept the price of offer " + row.offerId() + ": " + e.getMessage());
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Set<UUID> changedProducts = new LinkedHashSet<>();
        transactions.executeWithoutResult(tx -> {
            for (Change c : changes) {
                store.setPrice(c.row().offerId(), c.row().skuId(), c.row().seller(), c.derived().price(), false, c.derived().rate().rate(),
                        c.derived().rate().asOf(), "exchange rate change", clock.instant());
                changedProducts.add(c.row().productId());
            }
            changedProducts.forEach(notifier::productChanged);
        });
        log.info("Re-priced offers of " + changedProducts.size() + " products after exchange rates of " + currencies + " changed");
    }

    private List<DerivedRow> derivedPrices(Set<String> currencies) {
        return jdbc.sql("""
                select o.id as offer_id, o.product_id, o.seller_id, o.market_code, o.markup_pct, p.sku_id, p.price_minor,
                       p.currency, s.base_price_minor, s.base_currency
                from catalog.offer o
                join catalog.offer_price p on p.offer_id = o.id
                join catalog.sku s on s.id = p.sku_id
                where o.status = 'live' and not p.explicit_price
                  and (p.currency = any (string_to_array(:currencies, ',')) or s.base_currency = any (string_to_array(:currencies, ','))
                       or 'EUR' = any (string_to_array(:currencies, ',')))
                """)
                .param("currencies", String.join(",", currencies))
                .query((rs, n) -> new DerivedRow(rs.getObject("offer_id", UUID.class), rs.getObject("product_id", UUID.class),
                        new SellerId(rs.getObject("seller_id", UUID.class)), rs.getString("market_code"), rs.getBigDecimal("markup_pct"),
                        rs.getObject("sku_id", UUID.class), rs.getLong("price_minor"),
                        new Money(rs.getLong("base_price_minor"), CurrencyCode.of(rs.getString("base_currency")))))
                .list();
    }

    private record DerivedRow(UUID offerId, UUID productId, SellerId seller, String market, BigDecimal markupPct, UUID skuId,
            long priceMinor, Money base) {
    }
}
