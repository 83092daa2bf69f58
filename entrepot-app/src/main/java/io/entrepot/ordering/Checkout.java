package io.entrepot.ordering;

import io.entrepot.catalog.Inventory;
import io.entrepot.ledger.Fees;
import io.entrepot.ledger.Ledger;
import io.entrepot.logistics.Lanes;
import io.entrepot.market.LandedCost;
import io.entrepot.market.LandedCosts;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.ordering.internal.Answers;
import io.entrepot.ordering.internal.IdempotencyKeys;
import io.entrepot.ordering.internal.OrderAccounting;
import io.entrepot.ordering.internal.OrderStore;
import io.entrepot.ordering.internal.PaymentProvider;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.ReferenceData;
import io.entrepot.shared.SellerId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout: landed-cost quotes and order placement. Placing an order is two short transactions around
 * the provider's authorization (decision 0008): the first claims the Idempotency-Key, holds the stock,
 * writes the order and seller orders and the provider call's key; the second records the answer, turns
 * the holds into sold stock and writes the journal entry. A crash in between is finished by the
 * recovery job with the same provider key.
 */
@Service
public class Checkout {

    public static final Duration QUOTE_VALIDITY = Duration.ofMinutes(15);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Inventory inventory;
    private final Lanes lanes;
    private final LandedCosts landedCosts;
    private final Markets markets;
    private final Sellers sellers;
    private final Fees fees;
    private final Ledger ledger;
    private final OrderStore store;
    private final IdempotencyKeys keys;
    private final PaymentProvider provider;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration holdFor;
    /**
     * The quotes this node made last (quotes never change): the order placed from one moments later is
     * built from it instead of reading its row back and parsing it again. The row's existence is still
     * checked by the order's foreign key; another node's quote, or one asked for again, is read from the
     * database. Kept few and taken out when used: the last 2,000 outlived the young collections under
     * load and were promoted, ~1 MB per collection, only to die in the old generation (decision 0021).
     */
    private final Map<UUID, Quote> recentQuotes = java.util.Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Quote> eldest) {
            return size() > 256;
        }
    });

    Checkout(Inventory inventory, Lanes lanes, LandedCosts landedCosts, Markets markets, Sellers sellers, Fees fees, Ledger ledger,
            OrderStore store, IdempotencyKeys keys, PaymentProvider provider, TransactionTemplate tx, Clock clock,
            @Value("${entrepot.checkout.hold-for:PT15M}") Duration holdFor) {
        this.inventory = inventory;
        this.lanes = lanes;
        this.landedCosts = landedCosts;
        this.markets = markets;
        this.sellers = sellers;
        this.fees = fees;
        this.ledger = ledger;
        this.store = store;
        this.keys = keys;
        this.provider = provider;
        // Checkout's transactions read reference data from the node's copies (decision 0022) and plan once per connection.
        this.tx = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()), tx);
        this.tx.setName(ReferenceData.OBSERVING_TRANSACTION);
        this.clock = clock;
        this.holdFor = holdFor;
    }

    /** A cart line as the buyer sends it: an offer, optionally its SKU, and a quantity. */
    public record CartLine(UUID offerId, @Nullable UUID skuId, int quantity) {
        public CartLine {
            if (quantity < 1 || quantity > 100) {
                throw new IllegalArgumentException("a quantity is between 1 and 100");
            }
        }
    }

    /** An order to place from a quote: who pays (guest email, or the signed-in buyer) and the provider token. */
    public record PlaceOrder(UUID quoteId, String email, String paymentToken, @Nullable UUID buyerUserId, @Nullable String clientAddress) {

        public PlaceOrder(UUID quoteId, String email, String paymentToken, @Nullable UUID buyerUserId) {
            this(quoteId, email, paymentToken, buyerUserId, null);
        }

        public PlaceOrder {
            if (email == null || !email.matches("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s]{1,63}")) {
                throw new IllegalArgumentException("email must be an e-mail address");
            }
            if (paymentToken == null || !paymentToken.matches("tok_[a-z0-9_]{1,60}")) {
                throw new IllegalArgumentException("paymentToken must be a payment provider token such as tok_visa (never a card number)");
            }
            if (paymentToken.replaceAll("[^0-9]", "").length() >= 12) {
                throw new IllegalArgumentException("paymentToken must not contain a card number");
            }
        }
    }

    /** The answer to a placement: the HTTP status and JSON body, as first sent (also when replayed). */
    public record Placement(int status, String body, @Nullable UUID orderId) {
    }

    public Quote quote(MarketCode marketCode, List<CartLine> cart, Quote.Address address) {
        return quote(marketCode, cart, address, true).quote();
    }

    /**
     * A quote as the JSON stored with it, for the API: the quote is written as JSON once, for its row, and
     * that text is the answer (serializing it again for the response was ~5% of the platform's request CPU).
     */
    public String quoteJson(MarketCode marketCode, List<CartLine> cart, Quote.Address address) {
        return java.util.Objects.requireNonNull(quote(marketCode, cart, address, true).json());
    }

    /** The same computation as a quote, nothing stored: for showing a cart. */
    public Quote preview(MarketCode marketCode, List<CartLine> cart) {
        return quote(marketCode, cart, new Quote.Address("-", "-", null, "-", null, marketCode.value()), false).quote();
    }

    /** A quote and, when stored, the JSON stored with it. */
    private record Computed(Quote quote, @Nullable String json) {
    }

    private Computed quote(MarketCode marketCode, List<CartLine> cart, Quote.Address address, boolean store) {
        if (cart.isEmpty() || cart.size() > 50) {
            throw new IllegalArgumentException("a cart has 1 to 50 lines");
        }
        Computed computed = computeQuote(marketCode, cart, address, store);
        if (store) {
            recentQuotes.put(computed.quote().id(), computed.quote()); // committed: an order may now be placed from it
        }
        return computed;
    }

    private Computed computeQuote(MarketCode marketCode, List<CartLine> cart, Quote.Address address, boolean store) {
        return ActorContext.callAs(Actor.system("checkout"), () -> tx.execute(status -> {
            // Read in the quote's transaction: on its own, Markets would open one more (read-only) transaction.
            Market market = markets.get(marketCode);
            if (!market.open()) {
                throw new ConflictException("market-closed", "market " + marketCode + " is not open");
            }
            if (!address.country().equals(marketCode.value())) {
                throw new IllegalArgumentException("address.country must be the market's country " + marketCode);
            }
            Instant now = clock.instant();
            Map<SellerId, List<Inventory.CartLine>> bySeller = new LinkedHashMap<>();
            Map<UUID, Integer> quantities = new LinkedHashMap<>();
            List<Inventory.CartLine> lines = inventory.cartLines(marketCode,
                    cart.stream().map(line -> new Inventory.Wanted(line.offerId(), line.skuId())).toList());
            for (int i = 0; i < cart.size(); i++) {
                CartLine line = cart.get(i);
                Inventory.CartLine found = lines.get(i);
                int wanted = quantities.merge(found.skuId(), line.quantity(), Integer::sum);
                if (wanted > found.available()) {
                    throw new ConflictException("out-of-stock", "only " + found.available() + " of " + found.title() + " (" + found.skuCode()
                            + ") are available");
                }
                bySeller.computeIfAbsent(found.sellerId(), s -> new ArrayList<>()).add(found);
            }
            CurrencyCode currency = market.currency();
            List<Quote.Parcel> parcels = new ArrayList<>();
            Map<SellerId, SellerProfile> profiles = sellers.findAll(bySeller.keySet());
            var costs = landedCosts.calculator(marketCode, now);
            for (var entry : bySeller.entrySet()) {
                SellerProfile seller = Optional.ofNullable(profiles.get(entry.getKey()))
                        .orElseThrow(() -> new NotFoundException("seller", entry.getKey()));
                parcels.add(parcel(market, seller, entry.getValue(), cart, costs));
            }
            Money items = sum(parcels.stream().map(p -> p.goods().money()).toList(), currency);
            Money shipping = sum(parcels.stream().map(p -> p.shipping().money()).toList(), currency);
            Money atCheckout = sum(parcels.stream().map(p -> p.payableNow().money().minus(p.goods().money()).minus(p.shipping().money())).toList(), currency);
            Money border = sum(parcels.stream().map(p -> p.borderEstimate().money()).toList(), currency);
            Money total = items.plus(shipping).plus(atCheckout);
            boolean unknown = parcels.stream().anyMatch(p -> p.duty().status().equals("unknown"));
            UUID id = Ids.newId(clock);
            Quote quote = new Quote(id, marketCode.value(), currency.code(), now.plus(QUOTE_VALIDITY), address, parcels,
                    new Quote.Totals(Quote.Amount.of(items), Quote.Amount.of(shipping), Quote.Amount.of(atCheckout), Quote.Amount.of(total),
                            Quote.Amount.of(border), unknown));
            if (!store) {
                return new Computed(quote, null);
            }
            String json = JSON.writeValueAsString(quote);
            // A quote lost with the database server's crash is asked for again (an order from it then gets 404 or
            // 409, never a wrong price); an order placed from it commits durably, and so makes the quote durable too.
            this.store.insertQuoteWithoutWaitingForTheDisk(id, marketCode.value(), currency.code(), total.minor(), JSON.writeValueAsString(cart), json,
                    now, quote.validUntil());
            return new Computed(quote, json);
        }));
    }

    private Quote.Parcel parcel(Market market, SellerProfile seller, List<Inventory.CartLine> found, List<CartLine> cart,
            LandedCosts.Calculator costs) {
        SellerId sellerId = seller.id();
        CurrencyCode currency = market.currency();
        String origin = found.getFirst().originCountry();
        List<Quote.Line> lines = new ArrayList<>();
        List<LandedCost.Item> items = new ArrayList<>();
        int weight = 0;
        for (Inventory.CartLine line : found) {
            int quantity = cart.stream().filter(c -> c.offerId().equals(line.offerId())
                    && (c.skuId() == null || c.skuId().equals(line.skuId()))).mapToInt(CartLine::quantity).sum();
            if (lines.stream().anyMatch(l -> l.skuId().equals(line.skuId()))) {
                continue;
            }
            Money total = line.unitPrice().times(quantity);
            lines.add(new Quote.Line(line.offerId(), line.skuId(), line.skuCode(), line.title(), line.category(), line.parentCategory(),
                    line.hsChapter(), quantity, Quote.Amount.of(line.unitPrice()), Quote.Amount.of(total)));
            items.add(new LandedCost.Item(line.hsChapter(), line.unitPrice(), quantity));
            weight = Math.addExact(weight, Math.multiplyExact(line.weightGrams(), quantity));
        }
        int parcelWeight = weight;
        Lanes.ShippingRate rate = lanes.shippingRate(origin, market.code().value(), parcelWeight)
                .orElseThrow(() -> new ConflictException("no-shipping", "no lane with a rate carries " + parcelWeight + " g from " + origin
                        + " to " + market.code()));
        Money shipping = costs.convert(rate.price(), currency);
        var assessment = costs.assess(new LandedCost.Parcel(origin, items, shipping));
        Money goods = sum(lines.stream().map(l -> l.total().money()).toList(), currency);
        String shippingWhy = rate.carrierService() + " " + origin + "→" + market.code() + ", " + weight + " g (band up to " + rate.upToGrams()
                + " g: " + rate.price() + (rate.price().currency().equals(currency) ? "" : " → " + shipping) + "), " + rate.transitDaysMin()
                + "–" + rate.transitDaysMax() + " days";
        return new Quote.Parcel(sellerId.value(), seller.displayName(), origin, rate.carrierService(), weight, lines, Quote.Amount.of(goods),
                Quote.Amount.of(shipping), shippingWhy, charge(assessment.duty()), charge(assessment.tax()),
                assessment.taxName() + " " + assessment.taxRatePct().stripTrailingZeros().toPlainString() + "% (" + assessment.rulesSource() + ")",
                Quote.Amount.of(goods.plus(shipping).plus(assessment.atCheckout())), Quote.Amount.of(assessment.borderEstimate()));
    }

    private static Quote.Charge charge(LandedCost.Component c) {
        return new Quote.Charge(c.status().name().toLowerCase(Locale.ROOT), Quote.Amount.of(c.amount()), c.explanation());
    }

    public Quote quote(UUID id) {
        return ActorContext.callAs(Actor.system("checkout"), () -> tx.execute(s -> store.quote(id)
                .map(q -> JSON.readValue(q.body(), Quote.class)).orElseThrow(() -> new NotFoundException("quote", id))));
    }

    /**
     * Places an order from a quote under an Idempotency-Key: stock held, order and seller orders written,
     * the payment authorized and the journal entry posted — or nothing at all when the stock is gone,
     * the quote expired or the key was used for another request.
     */
    public Placement place(MarketCode market, String idempotencyKey, String requestHash, PlaceOrder order) {
        Started started = ActorContext.callAs(Actor.system("checkout"), () -> tx.execute(s -> start(market, idempotencyKey, requestHash, order)));
        if (started.replay() != null) {
            return started.replay();
        }
        var written = java.util.Objects.requireNonNull(started.written());
        var placed = written.order();
        PaymentProvider.Result result = provider.authorize(authorizeKey(placed.id()), order.paymentToken(),
                new Money(placed.totalMinor(), CurrencyCode.of(placed.currency())));
        return ActorContext.callAs(Actor.system("checkout"), () -> tx.execute(s -> settle(written, result)));
    }

    static String authorizeKey(UUID orderId) {
        return "order:" + orderId + ":authorize";
    }

    /** What the first transaction did: answered from the Idempotency-Key (a replay), or wrote the order. */
    private record Started(@Nullable Placement replay, @Nullable Written written) {
    }

    /**
     * The rows the first transaction wrote, as a read would return them: seller orders by seller name, lines
     * by SKU code (then id; the reads order in the C collation, as {@link String#compareTo} does), times in
     * microseconds (PostgreSQL's precision). The second transaction builds its work and its answer from
     * them instead of reading them back.
     */
    private record Written(OrderStore.OrderRow order, List<OrderStore.SellerOrderRow> sellerOrders, Map<UUID, List<OrderStore.LineRow>> lines) {
        Written {
            sellerOrders = sellerOrders.stream().sorted(java.util.Comparator.comparing(OrderStore.SellerOrderRow::sellerName)
                    .thenComparing(OrderStore.SellerOrderRow::id)).toList();
            var sorted = new java.util.HashMap<UUID, List<OrderStore.LineRow>>();
            lines.forEach((sellerOrder, its) -> sorted.put(sellerOrder, its.stream()
                    .sorted(java.util.Comparator.comparing(OrderStore.LineRow::skuCode).thenComparing(OrderStore.LineRow::id)).toList()));
            lines = Map.copyOf(sorted);
        }
    }

    private Started start(MarketCode market, String key, String hash, PlaceOrder order) {
        UUID orderId = Ids.newId(clock);
        var replay = keys.claim("order", key, hash, orderId);
        if (replay.isPresent()) {
            return new Started(new Placement(replay.get().status(), replay.get().body(), null), null);
        }
        Quote quote = recentQuotes.remove(order.quoteId());
        if (quote == null) {
            quote = store.quote(order.quoteId()).map(row -> JSON.readValue(row.body(), Quote.class))
                    .orElseThrow(() -> new NotFoundException("quote", order.quoteId()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as stored, so the rows kept in memory equal the rows read back
        if (!quote.market().equals(market.value())) {
            throw new IllegalArgumentException("quote " + order.quoteId() + " is for market " + quote.market() + ", not " + market);
        }
        if (!now.isBefore(quote.validUntil())) {
            throw new ConflictException("quote-expired", "quote " + order.quoteId() + " expired at " + quote.validUntil() + "; ask for a new one");
        }
        CurrencyCode currency = CurrencyCode.of(quote.currency());
        var orderRow = new OrderStore.OrderRow(orderId, quote.id(), quote.market(), quote.currency(), order.buyerUserId(), order.email(),
                JSON.writeValueAsString(quote.address()), quote.totals().items().money().minor(), quote.totals().shipping().money().minor(),
                quote.totals().dutyAndTaxAtCheckout().money().minor(), quote.totals().total().money().minor(),
                quote.totals().borderEstimate().money().minor(), quote.totals().dutyUnknown(), "awaiting_payment", now);
        Instant marketOpened = markets.openedAt(market);
        List<Inventory.Hold> holds = new ArrayList<>();
        List<OrderStore.SellerOrderRow> sellerOrders = new ArrayList<>();
        List<OrderStore.NewLine> allLines = new ArrayList<>();
        Map<SellerId, SellerProfile> profiles = sellers.findAll(quote.sellers().stream().map(p -> new SellerId(p.sellerId())).toList());
        for (Quote.Parcel parcel : quote.sellers()) {
            SellerProfile seller = Optional.ofNullable(profiles.get(new SellerId(parcel.sellerId())))
                    .orElseThrow(() -> new NotFoundException("seller", parcel.sellerId()));
            UUID sellerOrderId = Ids.newId(clock);
            List<OrderStore.LineRow> lines = new ArrayList<>();
            Money commission = Money.zero(currency);
            for (Quote.Line line : parcel.lines()) {
                var fee = fees.commission(new Fees.Sale(quote.market(), line.category(), line.parentCategory(), seller.createdAt(), marketOpened, now),
                        line.total().money());
                commission = commission.plus(fee.amount());
                lines.add(new OrderStore.LineRow(Ids.newId(clock), sellerOrderId, line.offerId(), line.skuId(), line.skuCode(), line.title(),
                        line.category(), line.hsChapter(), line.quantity(), line.unitPrice().money().minor(), quote.currency(),
                        fee.amount().minor(), fee.rule()));
            }
            Money goods = parcel.goods().money();
            var paymentFee = fees.paymentFee(quote.market(), now, goods);
            Money dutyCharged = parcel.duty().status().equals("charged") ? parcel.duty().amount().money() : Money.zero(currency);
            Money taxCharged = parcel.tax().status().equals("charged") ? parcel.tax().amount().money() : Money.zero(currency);
            CurrencyCode payout = seller.payoutCurrency() == null ? currency : seller.payoutCurrency();
            sellerOrders.add(new OrderStore.SellerOrderRow(sellerOrderId, orderId, parcel.sellerId(), parcel.sellerName(), quote.market(),
                    parcel.originCountry(), parcel.carrierService(), "awaiting_payment", quote.currency(), goods.minor(),
                    parcel.shipping().money().minor(), dutyCharged.minor(), taxCharged.minor(), parcel.payableNow().money().minor(),
                    commission.minor(), paymentFee.amount().minor(), paymentFee.rule(), payout.code(), null, null, 0, null, null, null, null, now));
            lines.forEach(l -> allLines.add(new OrderStore.NewLine(l, parcel.sellerId())));
            lines.forEach(l -> holds.add(new Inventory.Hold(sellerOrderId, new Inventory.StockRequest(l.skuId(), l.quantity()))));
        }
        long total = quote.totals().total().money().minor();
        store.insertPlacement(orderRow, order.clientAddress(), sellerOrders, allLines, new OrderStore.PaymentRow(Ids.newId(clock), orderId,
                provider.name(), null, order.paymentToken(), total, quote.currency(), "authorizing", null, null), authorizeKey(orderId), now);
        inventory.hold(holds, now.plus(holdFor));
        Map<UUID, List<OrderStore.LineRow>> linesBySellerOrder = new java.util.HashMap<>();
        allLines.forEach(l -> linesBySellerOrder.computeIfAbsent(l.line().sellerOrderId(), k -> new ArrayList<>()).add(l.line()));
        return new Started(null, new Written(orderRow, sellerOrders, linesBySellerOrder));
    }

    /**
     * Records the provider's answer to an authorization, once: used by the recovery job after a crash (the
     * call right after placement records it from the rows it wrote).
     */
    public Placement finish(UUID orderId, PaymentProvider.Result result) {
        return ActorContext.callAs(Actor.system("checkout"), () -> tx.execute(s -> {
            var order = store.order(orderId).orElseThrow(() -> new NotFoundException("order", orderId));
            List<OrderStore.SellerOrderRow> sellerOrders = store.sellerOrdersOf(orderId);
            return settle(new Written(order, sellerOrders, store.lines(sellerOrders.stream().map(OrderStore.SellerOrderRow::id).toList())), result);
        }));
    }

    /**
     * Records the answer in the current transaction. The payment leaves "authorizing" by a conditional
     * update, so of two attempts at once (the placement and the recovery job) one records the answer and
     * the other, waiting for its row lock, finds it recorded and changes nothing.
     */
    private Placement settle(Written written, PaymentProvider.Result result) {
        Instant now = clock.instant();
        var order = written.order();
        UUID orderId = order.id();
        List<OrderStore.SellerOrderRow> sellerOrders = written.sellerOrders();
        String callKey = authorizeKey(orderId);
        // the payment leaves "authorizing" and its call is finished together, or neither when the answer is recorded already
        var payment = result.approved()
                ? store.movePaymentAndFinishCall(orderId, "authorizing", "authorized", result.paymentRef(), null, callKey, "succeeded",
                        result.outcome(), now)
                : store.movePaymentAndFinishCall(orderId, "authorizing", "declined", null, result.outcome(), callKey, "failed",
                        result.outcome(), now);
        if (payment.isEmpty()) {
            // Recorded already: the answer then, as a retry with the same key would get it.
            var answer = keys.answerForOrder(orderId);
            if (answer.isPresent()) {
                return new Placement(answer.get().status(), answer.get().body(), orderId);
            }
            String status = store.order(orderId).map(OrderStore.OrderRow::status).orElse("");
            return new Placement(status.equals("placed") ? 201 : 409, "", orderId);
        }
        String orderStatus;
        int status;
        String body;
        if (result.approved()) {
            var consumed = inventory.consumeAll(sellerOrders.stream().map(OrderStore.SellerOrderRow::id).toList());
            List<OrderStore.SellerOrderRow> lapsed = sellerOrders.stream().filter(so -> !consumed.contains(so.id())).toList();
            boolean stockKept = lapsed.isEmpty() || rehold(lapsed);
            Money total = new Money(order.totalMinor(), CurrencyCode.of(order.currency()));
            if (stockKept) {
                ledger.post(OrderAccounting.authorized(orderId.toString(), order.market(), provider.name(), total));
                orderStatus = "placed";
                status = 201;
                // The answer is built from the rows written, not read back.
                body = JSON.writeValueAsString(Orders.view(order.withStatus(orderStatus),
                        sellerOrders.stream().map(so -> so.withStatus(orderStatus)).toList(), written.lines()));
            } else {
                // The hold ran out before the payment came back and the stock is gone: void, end cleanly.
                for (var so : sellerOrders) {
                    inventory.release(so.id());
                }
                store.startCall("order:" + orderId + ":void", payment.get(), "void", orderId, order.totalMinor(), now);
                store.movePayment(orderId, "authorized", "voided", null, "stock hold expired", now);
                orderStatus = "expired";
                status = 409;
                body = Answers.problem(409, "reservation-expired", "the stock hold of order " + orderId + " expired before the payment completed;"
                        + " the authorization is voided");
            }
        } else {
            for (var so : sellerOrders) {
                inventory.release(so.id());
            }
            orderStatus = "payment_declined";
            status = 402;
            body = Answers.problem(402, "payment-declined", "the payment provider declined the payment: " + result.outcome());
        }
        store.endPlacement(orderId, orderStatus, status, body, now);
        return new Placement(status, body, orderId);
    }

    /** Takes the stock again for seller orders whose hold ran out before the payment came back, all in one canonical order. */
    private boolean rehold(List<OrderStore.SellerOrderRow> lapsed) {
        List<Inventory.Hold> holds = new ArrayList<>();
        for (var so : lapsed) {
            store.lines(so.id()).forEach(l -> holds.add(new Inventory.Hold(so.id(), new Inventory.StockRequest(l.skuId(), l.quantity()))));
        }
        try {
            inventory.hold(holds, clock.instant().plus(holdFor));
        } catch (ConflictException outOfStock) {
            return false;
        }
        inventory.consumeAll(lapsed.stream().map(OrderStore.SellerOrderRow::id).toList());
        return true;
    }

    private static Money sum(List<Money> amounts, CurrencyCode currency) {
        return amounts.stream().reduce(Money.zero(currency), Money::plus);
    }
}
