package io.entrepot.demo;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.catalog.OfferStatus;
import io.entrepot.catalog.ProductId;
import io.entrepot.catalog.Publication;
import io.entrepot.identity.Identity;
import io.entrepot.identity.NewAccount;
import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Checkout;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.entrepot.ordering.Quote;
import io.entrepot.reviews.Enforcement;
import io.entrepot.reviews.EnforcementAction;
import io.entrepot.reviews.NewReview;
import io.entrepot.reviews.Reviews;
import io.entrepot.seller.NewSeller;
import io.entrepot.seller.NewWarehouse;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.WarehouseKind;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's reviews, written through the real review path: genuine reviews of Lumen Home and Hanoi
 * Silk House in five languages from buyers with their own addresses and cards, one review held for
 * trust &amp; safety, and a seller caught brushing — Flash Gadget Outlet, whose bought reviews were
 * removed and who stands on the ranking-penalty rung with an open appeal (sign in as
 * seller@flashgadget.example to see it from the seller's side).
 */
@Component
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoReviews {

    private static final Log log = LogFactory.getLog(DemoReviews.class);
    private static final String[] TO_THE_DOOR = {"picked_up", "export_customs", "in_transit", "import_customs_cleared", "out_for_delivery", "delivered"};

    private final Catalog catalog;
    private final Sellers sellers;
    private final Identity identity;
    private final Checkout checkout;
    private final Orders orders;
    private final Reviews reviews;
    private final Enforcement enforcement;
    private final DemoLogistics logistics;
    private final TransactionTemplate tx;

    DemoReviews(Catalog catalog, Sellers sellers, Identity identity, Checkout checkout, Orders orders, Reviews reviews, Enforcement enforcement,
            DemoLogistics logistics, TransactionTemplate tx) {
        this.catalog = catalog;
        this.sellers = sellers;
        this.identity = identity;
        this.checkout = checkout;
        this.orders = orders;
        this.reviews = reviews;
        this.enforcement = enforcement;
        this.logistics = logistics;
        this.tx = tx;
    }

    private record Genuine(String market, String email, String street, String token, int rating, String locale, String text) {
    }

    /** Writes the reviews of the demo's products ({@code lamp}, {@code desk}, {@code scarf}: offer per market). */
    void write(Map<String, UUID> lamp, Map<String, UUID> desk, Map<String, UUID> scarf) {
        List<Genuine> genuine = List.of(
                new Genuine("PH", "marisol.reyes@example.ph", "22 Katipunan Ave", "tok_demo_marisol", 5, "en",
                        "Hung it over our dining table in Quezon City. The paper is thicker than I expected and the light through it is lovely and warm. "
                                + "Took 11 days to arrive, packed flat with the wire frame separate."),
                new Genuine("PH", "jun.dizon@example.ph", "8 Mabolo St", "tok_demo_jun", 4, "tl",
                        "Maganda ang ilaw at madaling ikabit. Medyo manipis ang kable pero sulit sa presyo. Dumating nang maayos sa Cebu."),
                new Genuine("SG", "wei.ling@example.sg", "101 Toa Payoh Lor 1", "tok_demo_weiling", 5, "zh",
                        "灯罩做工很细，挂在书房里很有氛围。包装很好，从深圳寄到新加坡只用了六天。"),
                new Genuine("DE", "k.brandt@example.de", "Lindenstraße 12", "tok_demo_brandt", 3, "de",
                        "Schöne Lampe, aber der Stecker brauchte einen Adapter und die Anleitung war nur auf Englisch. Das Bambus ist sauber verarbeitet."),
                new Genuine("GB", "olivia.hart@example.co.uk", "3 Mill Lane", "tok_demo_olivia", 5, "en",
                        "Bought the desk lamp for my son's revision. The neck holds its position, the bamboo smells faintly of wood for a week, "
                                + "and the switch is on the cable where you want it. Customs fee was shown at checkout, no surprises."));
        int written = 0;
        for (Genuine g : genuine) {
            Map<String, UUID> offers = g.email().startsWith("olivia") ? desk : lamp;
            OrderView order = place(g.market(), offers.get(g.market()), 1, g.email(), g.street(), g.token());
            order.sellerOrders().forEach(so -> orders.ship(so.id()));
            logistics.track(order, g.market() + "-" + importOffice(g.market()) + "-IMPORT", TO_THE_DOOR);
            review(order, g.email(), g.rating(), g.locale(), g.text());
            written++;
        }
        OrderView scarfOrder = place("JP", scarf.get("JP"), 1, "haruka.sato@example.jp", "2-1 Marunouchi", "tok_demo_haruka");
        scarfOrder.sellerOrders().forEach(so -> orders.ship(so.id()));
        logistics.track(scarfOrder, "JP-NRT-IMPORT", TO_THE_DOOR);
        review(scarfOrder, "haruka.sato@example.jp", 5, "ja", "手触りがとても柔らかく、色も写真どおりでした。母への贈り物にしました。");
        // A text that reads machine-written and nothing else: held for a person to decide.
        OrderView held = place("AU", scarf.get("AU"), 1, "sam.taylor@example.au", "40 George St", "tok_demo_sam");
        held.sellerOrders().forEach(so -> orders.ship(so.id()));
        logistics.track(held, "AU-SYD-IMPORT", TO_THE_DOOR);
        review(held, "sam.taylor@example.au", 5, "en", "I bought this for my mother and she loves it. It is very soft and the color is nice. I would buy it again.");
        written += 2;
        written += brushing();
        log.info("Demo reviews written: " + written + " reviews, one held for trust & safety, a brushing seller on the ranking-penalty rung with an open appeal");
    }

    /** A seller who bought reviews: five brushing orders, near-identical five-star texts, removed; then the seller appeals. */
    private int brushing() {
        SellerId outlet = sellers.register(new NewSeller("Shenzhen Flash Gadget Trading Co., Ltd.", "Flash Gadget Outlet", "CN", "91440300MA5FLASH1",
                "Shenzhen", CurrencyCode.of("CNY"), List.of(new NewWarehouse("Longhua DC", WarehouseKind.ORIGIN, "CN"))), SellerStatus.ACTIVE);
        identity.createAccount(NewAccount.seller("seller@flashgadget.example", DemoData.PASSWORD, "Zhang Min (Flash Gadget Outlet)", outlet));
        UUID warehouse = sellers.warehouses(outlet).getFirst().id();
        ProductId cable = tx.execute(s -> catalog.create(outlet, new NewProduct("lighting", null, Map.of(), Locale.ENGLISH, true,
                List.of(new Content(Locale.ENGLISH, "USB night light", "USB night light (demo product)")),
                List.of(new NewSku("FLASH-NIGHT", new Money(900, CurrencyCode.of("CNY")), 40, 60, 30, 20, Map.of(), Map.of(warehouse, 500))))));
        UUID offer = tx.execute(s -> catalog.publish(cable, new Publication(List.of(MarketCode.of("PH")), BigDecimal.ZERO, Map.of()))).stream()
                .filter(o -> o.status() == OfferStatus.LIVE).findFirst().orElseThrow().offerId();
        String[] texts = {
                "Amazing night light!! Super bright, super cheap, fast delivery. Best seller ever, 100% recommended!!!",
                "Amazing night light! Super bright, super cheap, fast delivery. Best seller ever, 100% recommended!!!",
                "Amazing night light!! Super bright, very cheap, fast delivery. Best seller ever, 100% recommended!!!",
                "Amazing night light!! Super bright, super cheap, fast delivery. Best seller ever 100% recommended!!",
                "Amazing little night light!! Super bright, super cheap, fast delivery. Best seller ever, 100% recommended!!!"};
        // First the orders (one address, one card, no carrier scans), then the reviews they were for.
        List<OrderView> bought = new java.util.ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            OrderView order = place("PH", offer, 1, "happy.customer" + (i + 1) + "@example.ph", "9 Tondo Warehouse Rd", "tok_demo_flash_card");
            order.sellerOrders().forEach(so -> {
                orders.ship(so.id());
                orders.deliver(so.id());
            });
            bought.add(order);
        }
        for (int i = 0; i < texts.length; i++) {
            review(bought.get(i), "happy.customer" + (i + 1) + "@example.ph", 5, "en", texts[i]);
        }
        EnforcementAction penalty = ActorContext.callAs(Actor.system("demo-seed"), () -> enforcement.actionsOf(outlet)).stream()
                .filter(a -> a.step().equals("ranking_penalty")).findFirst().orElseThrow();
        enforcement.appeal(outlet, penalty.id(), "These were real customers from a company event in Tondo; we can send the invoices.");
        return texts.length;
    }

    private void review(OrderView order, String email, int rating, String locale, String text) {
        UUID line = order.sellerOrders().getFirst().lines().getFirst().id();
        reviews.write(MarketCode.of(order.market()), new NewReview(line, email, rating, text, locale, List.of()));
    }

    private OrderView place(String market, UUID offer, int quantity, String email, String street, String token) {
        Quote quote = checkout.quote(MarketCode.of(market), List.of(new Checkout.CartLine(offer, null, quantity)),
                new Quote.Address("Demo Reviewer", street, null, "Demo City", "20000", market));
        var placement = checkout.place(MarketCode.of(market), "demo-review-" + quote.id(), "demo", new Checkout.PlaceOrder(quote.id(), email, token, null));
        return orders.order(placement.orderId());
    }

    private static String importOffice(String market) {
        return switch (market) {
            case "PH" -> "MNL";
            case "SG" -> "SIN";
            case "DE" -> "FRA";
            case "GB" -> "LHR";
            default -> throw new IllegalArgumentException(market);
        };
    }
}
