package io.entrepot.demo;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.MarketOffer;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.catalog.OfferStatus;
import io.entrepot.catalog.ProductId;
import io.entrepot.catalog.Publication;
import io.entrepot.ledger.Payouts;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Checkout;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.entrepot.ordering.Quote;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.math.MathContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo orders through the real checkout, in every state across several markets and both payout
 * currencies (Lumen Home in yuan, Hanoi Silk House in dollars): placed, shipped, delivered, completed
 * with funds released, cancelled, refunded, declined; then a payout batch. Statements follow from the
 * ledger. Written once, after the demo catalogue.
 */
@Component
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoOrders {

    private static final Log log = LogFactory.getLog(DemoOrders.class);
    private static final Actor SEEDING = Actor.system("demo-seed");

    private final Catalog catalog;
    private final Sellers sellers;
    private final ExchangeRates rates;
    private final Checkout checkout;
    private final Orders orders;
    private final Payouts payouts;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final DemoLogistics logistics;
    private final DemoReviews reviews;
    private final DemoGovernance governance;

    DemoOrders(Catalog catalog, Sellers sellers, ExchangeRates rates, Checkout checkout, Orders orders, Payouts payouts, JdbcClient jdbc,
            TransactionTemplate tx, Clock clock, DemoLogistics logistics, DemoReviews reviews, DemoGovernance governance) {
        this.governance = governance;
        this.logistics = logistics;
        this.reviews = reviews;
        this.catalog = catalog;
        this.sellers = sellers;
        this.rates = rates;
        this.checkout = checkout;
        this.orders = orders;
        this.payouts = payouts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    void seed() {
        ActorContext.runAs(SEEDING, () -> {
            Boolean claimed = tx.execute(s -> jdbc.sql("insert into demo.seed (name, created_at) values ('orders', :now) on conflict do nothing")
                    .param("now", Timestamp.from(clock.instant())).update() > 0);
            if (!Boolean.TRUE.equals(claimed)) {
                return;
            }
            Map<String, UUID> refs = new HashMap<>();
            tx.executeWithoutResult(s -> jdbc.sql("select name, id from demo.ref").query((rs, n) -> refs.put(rs.getString(1),
                    rs.getObject(2, UUID.class))).list());
            if (!refs.keySet().containsAll(List.of("lumen", "silk", "buyer"))) {
                log.info("Demo orders skipped: the demo sellers are not there");
                return;
            }
            write(new SellerId(refs.get("lumen")), new SellerId(refs.get("silk")), refs.get("buyer"));
            governance.write(refs);
        });
    }

    private void write(SellerId lumen, SellerId silk, UUID buyer) {
        CurrencyCode cny = CurrencyCode.of("CNY");
        CurrencyCode usd = CurrencyCode.of("USD");
        // Dollar prices derived from the demo's yuan rates (labelled as demo data, like those).
        BigDecimal cnyPerUsd = rates.rateAt(cny, usd, clock.instant()).rate();
        for (String currency : List.of("PHP", "SGD", "JPY", "AUD", "EUR", "GBP")) {
            BigDecimal perYuan = rates.rateAt(cny, CurrencyCode.of(currency), clock.instant()).rate();
            rates.override(usd, CurrencyCode.of(currency), perYuan.divide(cnyPerUsd, MathContext.DECIMAL64), "demo data: sample rate, not market data");
        }
        Map<String, UUID> lamp = publish(lumen, "lighting", "Paper lantern pendant lamp", "纸灯笼吊灯", "LUMEN-LANTERN", new Money(10_000, cny), 300,
                List.of("PH", "SG", "JP", "GB", "DE", "AU"));
        Map<String, UUID> desk = publish(lumen, "lighting", "Bamboo desk lamp", "竹制台灯", "LUMEN-DESK", new Money(16_000, cny), 900,
                List.of("PH", "SG", "GB", "DE"));
        Map<String, UUID> scarf = publish(silk, "silk-scarves", "Hand-rolled silk scarf", "手工卷边真丝围巾", "SILK-SCARF", new Money(1_800, usd), 120,
                List.of("PH", "SG", "JP", "AU", "US"));

        String[] toTheDoor = {"picked_up", "export_customs", "in_transit", "import_customs_cleared", "out_for_delivery", "delivered"};
        OrderView completed = place("PH", buyer, "tok_visa", Map.of(lamp.get("PH"), 2, scarf.get("PH"), 1));
        completed.sellerOrders().forEach(so -> orders.ship(so.id()));
        logistics.track(completed, "PH-MNL-IMPORT", toTheDoor);
        orders.releaseDue(100);
        OrderView shipped = place("SG", buyer, "tok_visa", Map.of(lamp.get("SG"), 1, desk.get("SG"), 1));
        shipped.sellerOrders().forEach(so -> orders.ship(so.id()));
        logistics.track(shipped, "SG-SIN-IMPORT", "picked_up", "export_customs", "in_transit");
        OrderView delivered = place("JP", null, "tok_mastercard", Map.of(scarf.get("JP"), 3));
        delivered.sellerOrders().forEach(so -> orders.ship(so.id()));
        logistics.track(delivered, "JP-NRT-IMPORT", toTheDoor);
        place("GB", buyer, "tok_visa", Map.of(desk.get("GB"), 1));
        OrderView cancelled = place("DE", null, "tok_visa", Map.of(lamp.get("DE"), 1));
        cancelled.sellerOrders().forEach(so -> orders.cancel(so.id(), "demo: the buyer changed their mind before shipment"));
        OrderView refunded = place("AU", buyer, "tok_visa", Map.of(scarf.get("AU"), 2));
        refunded.sellerOrders().forEach(so -> {
            orders.ship(so.id());
            orders.refund(so.id(), so.goods().amount().divide(BigDecimal.valueOf(2), so.goods().amount().scale(), java.math.RoundingMode.DOWN), "demo: one scarf arrived damaged", "demo-refund-" + so.id(),
                    "demo");
        });
        place("PH", null, "tok_decline_insufficient_funds", Map.of(scarf.get("PH"), 1));
        List<OrderView> stranded = new java.util.ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            OrderView toNewYork = place("US", i == 1 ? buyer : null, "tok_visa", Map.of(scarf.get("US"), i));
            toNewYork.sellerOrders().forEach(so -> orders.ship(so.id()));
            stranded.add(toNewYork);
        }
        logistics.pastDisruption(stranded);
        reviews.write(lamp, desk, scarf);
        var batch = payouts.runBatch();
        log.info("Demo orders written: 10 orders in every state (3 remediated after a past disruption), payout batch " + batch.id() + " with "
                + batch.payouts() + " payouts");
    }

    private Map<String, UUID> publish(SellerId seller, String category, String en, String zh, String code, Money price, int grams, List<String> markets) {
        UUID warehouse = sellers.warehouses(seller).getFirst().id();
        ProductId product = tx.execute(s -> catalog.create(seller, new NewProduct(category, null, Map.of(), Locale.ENGLISH, true,
                List.of(new Content(Locale.ENGLISH, en, en + " (demo product)"), new Content(Locale.SIMPLIFIED_CHINESE, zh, zh + "（演示商品）")),
                List.of(new NewSku(code, price, grams, 300, 200, 100, Map.of(), Map.of(warehouse, 200))))));
        List<MarketOffer> offers = tx.execute(s -> catalog.publish(product, new Publication(markets.stream().map(MarketCode::of).toList(),
                BigDecimal.TEN, Map.of())));
        Map<String, UUID> live = new HashMap<>();
        for (MarketOffer offer : offers) {
            if (offer.status() == OfferStatus.LIVE) {
                live.put(offer.market().value(), offer.offerId());
            }
        }
        return live;
    }

    private OrderView place(String market, UUID buyer, String token, Map<UUID, Integer> lines) {
        Quote quote = checkout.quote(MarketCode.of(market), lines.entrySet().stream()
                .map(e -> new Checkout.CartLine(e.getKey(), null, e.getValue())).toList(),
                new Quote.Address("Demo Buyer", "1 Demo Street", null, "Demo City", "10000", market));
        var placement = checkout.place(MarketCode.of(market), "demo-" + quote.id(), "demo", new Checkout.PlaceOrder(quote.id(),
                "buyer@entrepot.example", token, buyer));
        return placement.orderId() == null ? null : orders.order(placement.orderId());
    }
}
