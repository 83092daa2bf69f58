package io.entrepot.ordering.internal;

import io.entrepot.shared.SqlRows;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the ordering schema. */
@Repository
public class OrderStore {

    private final JdbcClient jdbc;

    OrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QuoteRow(UUID id, String market, String currency, long totalMinor, String body, Instant expiresAt) {
    }

    public record OrderRow(UUID id, UUID quoteId, String market, String currency, @Nullable UUID buyerUserId, String email, String address,
            long itemsMinor, long shippingMinor, long dutyTaxMinor, long totalMinor, long borderEstimateMinor, boolean dutyUnknown,
            String status, Instant createdAt) {

        public OrderRow withStatus(String newStatus) {
            return new OrderRow(id, quoteId, market, currency, buyerUserId, email, address, itemsMinor, shippingMinor, dutyTaxMinor, totalMinor,
                    borderEstimateMinor, dutyUnknown, newStatus, createdAt);
        }
    }

    public record SellerOrderRow(UUID id, UUID orderId, UUID sellerId, String sellerName, String market, String originCountry,
            String carrierService, String status, String currency, long goodsMinor, long shippingMinor, long dutyMinor, long taxMinor,
            long totalMinor, long commissionMinor, long paymentFeeMinor, String paymentFeeRule, String payoutCurrency,
            @Nullable BigDecimal fxRate, @Nullable Long netPayoutMinor, long refundedMinor, @Nullable Instant shippedAt,
            @Nullable Instant deliveredAt, @Nullable Instant releaseDueAt, @Nullable Instant releasedAt, Instant createdAt) {

        public SellerOrderRow withStatus(String newStatus) {
            return new SellerOrderRow(id, orderId, sellerId, sellerName, market, originCountry, carrierService, newStatus, currency, goodsMinor,
                    shippingMinor, dutyMinor, taxMinor, totalMinor, commissionMinor, paymentFeeMinor, paymentFeeRule, payoutCurrency, fxRate,
                    netPayoutMinor, refundedMinor, shippedAt, deliveredAt, releaseDueAt, releasedAt, createdAt);
        }
    }

    public record LineRow(UUID id, UUID sellerOrderId, UUID offerId, UUID skuId, String skuCode, String title, String category,
            String hsChapter, int quantity, long unitPriceMinor, String currency, long commissionMinor, String commissionRule) {
    }

    public record PaymentRow(UUID id, UUID orderId, String provider, @Nullable String providerRef, String token, long amountMinor,
            String currency, String status, @Nullable String providerState, @Nullable String declineReason) {
    }

    public record CallRow(String key, UUID paymentId, String operation, UUID sourceId, long amountMinor, String state) {
    }

    public record RefundRow(UUID id, UUID sellerOrderId, UUID sellerId, long amountMinor, String currency, long goodsPart, long shippingPart,
            long dutyTaxPart, long feesBack, long sellerPart, String status, String reason, Instant createdAt) {
    }

    // Quotes

    /**
     * Writes a quote and lets the current transaction's commit return without waiting for its write-ahead log to
     * reach the disk (PostgreSQL's {@code synchronous_commit = off}, for this transaction only, set by the same
     * statement: no round trip of its own; decision 0026). A crash of the database server can then lose it, and only
     * it and what was committed after it: the log is flushed in order, so any later commit that waits for the disk —
     * the order's — makes this one durable too. A quote's loss harms no one: the buyer asks for it again.
     */
    public void insertQuoteWithoutWaitingForTheDisk(UUID id, String market, String currency, long total, String request, String body, Instant now,
            Instant expires) {
        jdbc.sql("""
                insert into ordering.quote (id, market_code, currency, total_minor, request, body, created_at, expires_at)
                values (:id, :market, :currency, :total, cast(:request as jsonb), cast(:body as jsonb), :now, :expires)
                returning set_config('synchronous_commit', 'off', true)
                """).param("id", id).param("market", market).param("currency", currency).param("total", total).param("request", request)
                .param("body", body).param("now", ts(now)).param("expires", ts(expires)).query(String.class).single();
    }

    public Optional<QuoteRow> quote(UUID id) {
        return jdbc.sql("select id, market_code, currency, total_minor, body::text as body, expires_at from ordering.quote where id = :id")
                .param("id", id).query((rs, n) -> new QuoteRow(rs.getObject("id", UUID.class), rs.getString("market_code"),
                        rs.getString("currency"), rs.getLong("total_minor"), rs.getString("body"), instant(rs, "expires_at")))
                .optional();
    }

    // Orders

    /** A line to insert, with the seller it belongs to (for row-level security). */
    public record NewLine(LineRow line, UUID sellerId) {
    }

    /**
     * A placement's rows in one statement: the order, its seller orders and lines, its payment, and the call
     * that will authorize the payment, recorded before it is made and queued as open (its key is new, as the
     * payment is: a placement writes them in the transaction that claims its Idempotency-Key). The foreign keys
     * between them are checked at the end of the statement, when all are written. One round trip instead of
     * four on the path of every checkout; the text differs only by the numbers of seller orders and lines.
     */
    public void insertPlacement(OrderRow o, @Nullable String clientAddress, List<SellerOrderRow> sellerOrders, List<NewLine> lines, PaymentRow p,
            String callKey, Instant now) {
        Map<String, Object> params = new HashMap<>();
        params.putAll(SqlRows.params(sellerOrders.stream().map(s -> sellerOrderParams(s, now)).toList()));
        params.putAll(SqlRows.params(lines.stream().map(l -> lineParams(l, now)).toList()));
        jdbc.sql("""
                with buyer_order as (
                    insert into ordering.buyer_order (id, quote_id, market_code, currency, buyer_user_id, email, address, items_minor, shipping_minor,
                        duty_tax_minor, total_minor, border_estimate_minor, duty_unknown, status, client_address, created_at, updated_at)
                    values (:order, :quote, :market, :currency, :buyer, :email, cast(:address as jsonb), :items, :shipping, :dutyTax, :total, :border,
                        :unknown, :status, cast(:client as inet), :now, :now)),
                seller_orders as (
                    insert into ordering.seller_order (id, order_id, seller_id, seller_name, market_code, origin_country, carrier_service, status,
                        currency, goods_minor, shipping_minor, duty_minor, tax_minor, total_minor, commission_minor, payment_fee_minor,
                        payment_fee_rule, payout_currency, created_at, updated_at)
                    values\s""" + SqlRows.values(SELLER_ORDER_TUPLE, sellerOrders.size()) + """
                ),
                lines as (
                    insert into ordering.order_line (id, seller_order_id, seller_id, offer_id, sku_id, sku_code, title, category, hs_chapter, quantity,
                        unit_price_minor, currency, commission_minor, commission_rule, created_at)
                    values\s""" + SqlRows.values(LINE_TUPLE, lines.size()) + """
                ),
                payment as (
                    insert into ordering.payment (id, order_id, provider, token, amount_minor, currency, status, created_at, updated_at)
                    values (:payment, :order, :provider, :token, :amount, :currency, :paymentStatus, :now, :now)),
                started as (
                """ + START_CALL + " returning key, created_at) " + OPEN_STARTED)
                .params(params)
                .param("order", o.id()).param("client", clientAddress).param("quote", o.quoteId()).param("market", o.market())
                .param("currency", o.currency()).param("buyer", o.buyerUserId()).param("email", o.email()).param("address", o.address())
                .param("items", o.itemsMinor()).param("shipping", o.shippingMinor()).param("dutyTax", o.dutyTaxMinor()).param("total", o.totalMinor())
                .param("border", o.borderEstimateMinor()).param("unknown", o.dutyUnknown()).param("status", o.status()).param("now", ts(now))
                .param("payment", p.id()).param("provider", p.provider()).param("token", p.token()).param("amount", p.amountMinor())
                .param("paymentStatus", p.status()).param("key", callKey).param("operation", "authorize").param("source", o.id())
                .update();
    }

    /** A seller order's row in {@link #insertPlacement}'s statement (its names apart from the order's and the lines'). */
    private static final String SELLER_ORDER_TUPLE = """
            (:so, :soOrder, :soSeller, :soName, :soMarket, :soOrigin, :soCarrier, :soStatus, :soCurrency, :soGoods, :soShipping, :soDuty, :soTax,
                :soTotal, :soCommission, :soFee, :soFeeRule, :soPayout, :soNow, :soNow)""";

    private static Map<String, Object> sellerOrderParams(SellerOrderRow s, Instant now) {
        Map<String, Object> p = new HashMap<>();
        p.put("so", s.id());
        p.put("soOrder", s.orderId());
        p.put("soSeller", s.sellerId());
        p.put("soName", s.sellerName());
        p.put("soMarket", s.market());
        p.put("soOrigin", s.originCountry());
        p.put("soCarrier", s.carrierService());
        p.put("soStatus", s.status());
        p.put("soCurrency", s.currency());
        p.put("soGoods", s.goodsMinor());
        p.put("soShipping", s.shippingMinor());
        p.put("soDuty", s.dutyMinor());
        p.put("soTax", s.taxMinor());
        p.put("soTotal", s.totalMinor());
        p.put("soCommission", s.commissionMinor());
        p.put("soFee", s.paymentFeeMinor());
        p.put("soFeeRule", s.paymentFeeRule());
        p.put("soPayout", s.payoutCurrency());
        p.put("soNow", ts(now));
        return p;
    }

    /** A line's row in {@link #insertPlacement}'s statement. */
    private static final String LINE_TUPLE = """
            (:line, :lineSo, :lineSeller, :lineOffer, :lineSku, :lineCode, :lineTitle, :lineCategory, :lineChapter, :lineQuantity, :linePrice,
                :lineCurrency, :lineCommission, :lineRule, :lineNow)""";

    private static Map<String, Object> lineParams(NewLine row, Instant now) {
        LineRow l = row.line();
        Map<String, Object> p = new HashMap<>();
        p.put("line", l.id());
        p.put("lineSo", l.sellerOrderId());
        p.put("lineSeller", row.sellerId());
        p.put("lineOffer", l.offerId());
        p.put("lineSku", l.skuId());
        p.put("lineCode", l.skuCode());
        p.put("lineTitle", l.title());
        p.put("lineCategory", l.category());
        p.put("lineChapter", l.hsChapter());
        p.put("lineQuantity", l.quantity());
        p.put("linePrice", l.unitPriceMinor());
        p.put("lineCurrency", l.currency());
        p.put("lineCommission", l.commissionMinor());
        p.put("lineRule", l.commissionRule());
        p.put("lineNow", ts(now));
        return p;
    }

    public Optional<OrderRow> order(UUID id) {
        return jdbc.sql("select *, address::text as address_text from ordering.buyer_order where id = :id").param("id", id)
                .query(OrderStore::orderRow).optional();
    }

    public List<OrderRow> ordersOfBuyer(UUID buyerUserId, int limit) {
        return jdbc.sql("select *, address::text as address_text from ordering.buyer_order where buyer_user_id = :buyer order by created_at desc limit :limit")
                .param("buyer", buyerUserId).param("limit", limit).query(OrderStore::orderRow).list();
    }

    /** Operators' search: by order id prefix, email or status, newest first. */
    public List<OrderRow> search(@Nullable String text, @Nullable String status, @Nullable String market, int limit) {
        return jdbc.sql("""
                select *, address::text as address_text from ordering.buyer_order
                where (cast(:text as text) is null or id::text like :text || '%' or lower(email) = lower(:text))
                  and (cast(:status as text) is null or status = :status) and (cast(:market as text) is null or market_code = :market)
                order by created_at desc limit :limit
                """).param("text", text).param("status", status).param("market", market).param("limit", limit)
                .query(OrderStore::orderRow).list();
    }

    /**
     * How a placement ends, in one statement: the order and every one of its seller orders take their status,
     * and the answer is stored for the Idempotency-Key that created the order by the statement
     * {@link IdempotencyKeys#completeForOrder} runs ({@link IdempotencyKeys#STORE_ANSWER}).
     */
    public void endPlacement(UUID orderId, String status, int answerStatus, String answerBody, Instant now) {
        jdbc.sql("with seller_orders as (update ordering.seller_order set status = :status, updated_at = :now where order_id = :id),\n"
                + "     answered as (" + IdempotencyKeys.STORE_ANSWER + ")\n"
                + "update ordering.buyer_order set status = :status, updated_at = :now where id = :id")
                .param("status", status).param("now", ts(now)).param("id", orderId).param("resource", orderId)
                .param("answerStatus", answerStatus).param("answerBody", answerBody).update();
    }

    public List<SellerOrderRow> sellerOrdersOf(UUID orderId) {
        return jdbc.sql("select * from ordering.seller_order where order_id = :order order by seller_name collate \"C\", id").param("order", orderId)
                .query(OrderStore::sellerOrderRow).list();
    }

    public Optional<SellerOrderRow> sellerOrder(UUID id) {
        return jdbc.sql("select * from ordering.seller_order where id = :id").param("id", id).query(OrderStore::sellerOrderRow).optional();
    }

    public Optional<SellerOrderRow> lockSellerOrder(UUID id) {
        return jdbc.sql("select * from ordering.seller_order where id = :id for update").param("id", id)
                .query(OrderStore::sellerOrderRow).optional();
    }

    /** Paid (authorized) seller orders not yet shipped on any of these lanes, as (origin, market, carrier service). */
    public List<SellerOrderRow> placedOnLanes(List<Object[]> lanes) {
        if (lanes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from ordering.seller_order where status = 'placed' and (origin_country, market_code, carrier_service) in (:lanes)
                order by id
                """).param("lanes", lanes).query(OrderStore::sellerOrderRow).list();
    }

    public List<SellerOrderRow> sellerOrders(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // one array parameter, however many ids (an expanded IN list is parsed and planned anew for each length)
        return jdbc.sql("select * from ordering.seller_order where id = any (cast(:ids as uuid[])) order by id")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query(OrderStore::sellerOrderRow).list();
    }

    /** The amount refunded under an Idempotency-Key or the keys of its retries ({@code key:…}); 0 when none was. */
    public long refundedUnderKey(String idempotencyKey) {
        return jdbc.sql("""
                select coalesce(sum(r.amount_minor), 0) from ordering.idempotency_key k join ordering.refund r on r.id = k.resource_id
                where (k.key = :key or k.key like :key || ':%') and k.scope like 'refund:%' and r.status = 'refunded'
                """).param("key", idempotencyKey).query(Long.class).single();
    }

    /** The buyers' email addresses of orders. */
    public java.util.Map<UUID, String> emails(java.util.Collection<UUID> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<UUID, String> emails = new java.util.HashMap<>();
        jdbc.sql("select id, email from ordering.buyer_order where id = any (cast(:ids as uuid[]))")
                .param("ids", orderIds.stream().map(UUID::toString).toArray(String[]::new))
                .query((ResultSet rs) -> {
                    emails.put(rs.getObject("id", UUID.class), rs.getString("email"));
                });
        return emails;
    }

    public List<SellerOrderRow> sellerOrdersOfSeller(UUID sellerId, @Nullable String status, int limit) {
        return jdbc.sql("""
                select * from ordering.seller_order where seller_id = :seller and (cast(:status as text) is null or status = :status)
                order by created_at desc limit :limit
                """).param("seller", sellerId).param("status", status).param("limit", limit).query(OrderStore::sellerOrderRow).list();
    }

    public void setSellerOrderStatus(UUID id, String status, Instant now) {
        jdbc.sql("update ordering.seller_order set status = :status, updated_at = :now where id = :id")
                .param("status", status).param("now", ts(now)).param("id", id).update();
    }

    public void markShipped(UUID id, BigDecimal rate, long netPayoutMinor, Instant now) {
        jdbc.sql("""
                update ordering.seller_order set status = 'shipped', fx_rate = :rate, net_payout_minor = :net, shipped_at = :now, updated_at = :now
                where id = :id
                """).param("rate", rate).param("net", netPayoutMinor).param("now", ts(now)).param("id", id).update();
    }

    public void markDelivered(UUID id, Instant now, Instant releaseDue) {
        jdbc.sql("""
                update ordering.seller_order set status = 'delivered', delivered_at = :now, release_due_at = :due, updated_at = :now where id = :id
                """).param("now", ts(now)).param("due", ts(releaseDue)).param("id", id).update();
    }

    public void markReleased(UUID id, Instant now) {
        jdbc.sql("update ordering.seller_order set status = 'released', released_at = :now, updated_at = :now where id = :id")
                .param("now", ts(now)).param("id", id).update();
    }

    public List<UUID> dueForRelease(Instant now, int limit) {
        return jdbc.sql("""
                select id from ordering.seller_order where release_due_at <= :now and released_at is null and status = 'delivered'
                order by release_due_at limit :limit for update skip locked
                """).param("now", ts(now)).param("limit", limit).query(UUID.class).list();
    }

    public void addRefunded(UUID id, long amount, Instant now) {
        jdbc.sql("update ordering.seller_order set refunded_minor = refunded_minor + :amount, updated_at = :now where id = :id")
                .param("amount", amount).param("now", ts(now)).param("id", id).update();
    }

    public List<LineRow> lines(UUID sellerOrderId) {
        return jdbc.sql("select * from ordering.order_line where seller_order_id = :so order by sku_code collate \"C\", id").param("so", sellerOrderId)
                .query(OrderStore::lineRow).list();
    }

    /** The lines of several seller orders in one statement, by seller order (each in sku code order). */
    public java.util.Map<UUID, List<LineRow>> lines(java.util.Collection<UUID> sellerOrderIds) {
        if (sellerOrderIds.isEmpty()) {
            return java.util.Map.of();
        }
        return jdbc.sql("select * from ordering.order_line where seller_order_id = any (cast(:ids as uuid[])) order by seller_order_id, sku_code collate \"C\", id")
                .param("ids", sellerOrderIds.stream().map(UUID::toString).toArray(String[]::new)).query(OrderStore::lineRow).list().stream()
                .collect(java.util.stream.Collectors.groupingBy(LineRow::sellerOrderId, java.util.stream.Collectors.toList()));
    }

    private static LineRow lineRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new LineRow(rs.getObject("id", UUID.class), rs.getObject("seller_order_id", UUID.class),
                rs.getObject("offer_id", UUID.class), rs.getObject("sku_id", UUID.class), rs.getString("sku_code"), rs.getString("title"),
                rs.getString("category"), rs.getString("hs_chapter"), rs.getInt("quantity"), rs.getLong("unit_price_minor"),
                rs.getString("currency"), rs.getLong("commission_minor"), rs.getString("commission_rule"));
    }

    // Payments and provider calls

    /** A payment leaves one status for another, the provider's reference and a decline's reason recorded; its id when it moved. */
    private static final String MOVE_PAYMENT = """
            update ordering.payment set status = :to, provider_ref = coalesce(:ref, provider_ref), decline_reason = :reason, updated_at = :now
            where order_id = :order and status = :from returning id
            """;
    /** A call to the provider, recorded before it is made. */
    private static final String START_CALL = """
            insert into ordering.provider_call (key, payment_id, operation, source_id, amount_minor, state, created_at, updated_at)
            values (:key, :payment, :operation, :source, :amount, 'started', :now, :now)
            """;
    /** The calls of a statement's {@code started} (their key and start), queued as open: the recovery job's work. */
    static final String OPEN_STARTED = "insert into ordering.open_call (key, started_at) select key, created_at from started";
    /** A call's answer. */
    private static final String FINISH_CALL = "update ordering.provider_call set state = :state, outcome = :outcome, updated_at = :now where key = :key";
    /** The calls of a statement's {@code finished} (their key), answered: out of the open calls. */
    static final String CLOSE_FINISHED = "delete from ordering.open_call where key in (select key from finished)";

    public Optional<PaymentRow> paymentOfOrder(UUID orderId) {
        return jdbc.sql("select * from ordering.payment where order_id = :order").param("order", orderId).query(OrderStore::paymentRow).optional();
    }

    public Optional<PaymentRow> payment(UUID id) {
        return jdbc.sql("select * from ordering.payment where id = :id").param("id", id).query(OrderStore::paymentRow).optional();
    }

    /**
     * Moves an order's payment from one status to another; its id, or empty when it was not in the first
     * (someone else moved it already: of two attempts at once, the second finds it moved after the row lock).
     */
    public Optional<UUID> movePayment(UUID orderId, String from, String to, @Nullable String providerRef, @Nullable String declineReason,
            Instant now) {
        return jdbc.sql(MOVE_PAYMENT).param("to", to).param("ref", providerRef).param("reason", declineReason).param("now", ts(now)).param("order", orderId)
                .param("from", from).query(UUID.class).optional();
    }

    /**
     * {@link #movePayment} and, when the payment moved, {@link #finishCall} of the call that moved it, in one statement;
     * the payment's id when it moved.
     */
    public Optional<UUID> movePaymentAndFinishCall(UUID orderId, String from, String to, @Nullable String providerRef, @Nullable String declineReason,
            String callKey, String callState, String outcome, Instant now) {
        return jdbc.sql("with moved as (" + MOVE_PAYMENT + "), finished as (" + FINISH_CALL + " and exists (select from moved) returning key), closed as ("
                + CLOSE_FINISHED + ") select id from moved")
                .param("to", to).param("ref", providerRef).param("reason", declineReason).param("now", ts(now)).param("order", orderId)
                .param("from", from).param("state", callState).param("outcome", outcome).param("key", callKey).query(UUID.class).optional();
    }

    public void setProviderState(UUID id, String state, Instant now) {
        jdbc.sql("update ordering.payment set provider_state = :state, updated_at = :now where id = :id")
                .param("state", state).param("now", ts(now)).param("id", id).update();
    }

    /** Records a call before it is made; false when the key was recorded already (a retry). */
    public boolean startCall(String key, UUID payment, String operation, UUID source, long amount, Instant now) {
        return jdbc.sql("with started as (" + START_CALL + " on conflict (key) do nothing returning key, created_at) " + OPEN_STARTED)
                .param("key", key).param("payment", payment).param("operation", operation).param("source", source)
                .param("amount", amount).param("now", ts(now)).update() > 0;
    }

    public Optional<CallRow> call(String key) {
        return jdbc.sql("select * from ordering.provider_call where key = :key").param("key", key).query(OrderStore::callRow).optional();
    }

    public void finishCall(String key, String state, String outcome, Instant now) {
        jdbc.sql("with finished as (" + FINISH_CALL + " returning key) " + CLOSE_FINISHED)
                .param("state", state).param("outcome", outcome).param("now", ts(now)).param("key", key).update();
    }

    public List<CallRow> unfinishedCalls(Instant startedBefore, int limit) {
        return jdbc.sql("""
                select c.* from ordering.open_call o join ordering.provider_call c on c.key = o.key
                where o.started_at < :before and c.state = 'started' order by o.started_at limit :limit
                """)
                .param("before", ts(startedBefore)).param("limit", limit).query(OrderStore::callRow).list();
    }

    // Refunds

    public void insertRefund(RefundRow r, String by) {
        jdbc.sql("""
                insert into ordering.refund (id, seller_order_id, seller_id, amount_minor, currency, goods_part, shipping_part, duty_tax_part,
                    fees_back, seller_part, status, reason, created_by, created_at)
                values (:id, :so, :seller, :amount, :currency, :goods, :shipping, :dutyTax, :feesBack, :part, :status, :reason, :by, :now)
                """).param("id", r.id()).param("so", r.sellerOrderId()).param("seller", r.sellerId()).param("amount", r.amountMinor())
                .param("currency", r.currency()).param("goods", r.goodsPart()).param("shipping", r.shippingPart()).param("dutyTax", r.dutyTaxPart())
                .param("feesBack", r.feesBack()).param("part", r.sellerPart()).param("status", r.status()).param("reason", r.reason())
                .param("by", by).param("now", ts(r.createdAt())).update();
    }

    public Optional<RefundRow> refund(UUID id) {
        return jdbc.sql("select * from ordering.refund where id = :id").param("id", id).query(OrderStore::refundRow).optional();
    }

    public void finishRefund(UUID id, String status, @Nullable UUID entry) {
        jdbc.sql("update ordering.refund set status = :status, entry_id = :entry where id = :id")
                .param("status", status).param("entry", entry).param("id", id).update();
    }

    /** What refunds not failed (pending or done) took of a seller order: amount, its parts, fees given back, the seller's part. */
    public record Refunded(long amount, long goods, long shipping, long dutyAndTax, long feesBack, long sellerPart) {
    }

    public Refunded refunded(UUID sellerOrderId) {
        return jdbc.sql("""
                select coalesce(sum(amount_minor), 0), coalesce(sum(goods_part), 0), coalesce(sum(shipping_part), 0),
                       coalesce(sum(duty_tax_part), 0), coalesce(sum(fees_back), 0), coalesce(sum(seller_part), 0)
                from ordering.refund where seller_order_id = :so and status <> 'failed'
                """).param("so", sellerOrderId)
                .query((rs, n) -> new Refunded(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6))).single();
    }

    /** The seller's parts of refunds done: what a release leaves out. */
    public long sellerPartRefunded(UUID sellerOrderId) {
        return jdbc.sql("select coalesce(sum(seller_part), 0) from ordering.refund where seller_order_id = :so and status = 'refunded'")
                .param("so", sellerOrderId).query(Long.class).single();
    }

    // Payment events (provider webhooks)

    /** Records an event id; false when it was seen before. */
    private static OrderRow orderRow(ResultSet rs, int n) throws SQLException {
        return new OrderRow(rs.getObject("id", UUID.class), rs.getObject("quote_id", UUID.class), rs.getString("market_code"),
                rs.getString("currency"), rs.getObject("buyer_user_id", UUID.class), rs.getString("email"), rs.getString("address_text"),
                rs.getLong("items_minor"), rs.getLong("shipping_minor"), rs.getLong("duty_tax_minor"), rs.getLong("total_minor"),
                rs.getLong("border_estimate_minor"), rs.getBoolean("duty_unknown"), rs.getString("status"), instant(rs, "created_at"));
    }

    static SellerOrderRow sellerOrderRow(ResultSet rs, int n) throws SQLException {
        return new SellerOrderRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getString("seller_name"), rs.getString("market_code"), rs.getString("origin_country"), rs.getString("carrier_service"),
                rs.getString("status"), rs.getString("currency"), rs.getLong("goods_minor"), rs.getLong("shipping_minor"),
                rs.getLong("duty_minor"), rs.getLong("tax_minor"), rs.getLong("total_minor"), rs.getLong("commission_minor"),
                rs.getLong("payment_fee_minor"), rs.getString("payment_fee_rule"), rs.getString("payout_currency"), rs.getBigDecimal("fx_rate"),
                (Long) rs.getObject("net_payout_minor"), rs.getLong("refunded_minor"), instantOrNull(rs, "shipped_at"),
                instantOrNull(rs, "delivered_at"), instantOrNull(rs, "release_due_at"), instantOrNull(rs, "released_at"),
                instant(rs, "created_at"));
    }

    private static PaymentRow paymentRow(ResultSet rs, int n) throws SQLException {
        return new PaymentRow(rs.getObject("id", UUID.class), rs.getObject("order_id", UUID.class), rs.getString("provider"),
                rs.getString("provider_ref"), rs.getString("token"), rs.getLong("amount_minor"), rs.getString("currency"),
                rs.getString("status"), rs.getString("provider_state"), rs.getString("decline_reason"));
    }

    private static CallRow callRow(ResultSet rs, int n) throws SQLException {
        return new CallRow(rs.getString("key"), rs.getObject("payment_id", UUID.class), rs.getString("operation"),
                rs.getObject("source_id", UUID.class), rs.getLong("amount_minor"), rs.getString("state"));
    }

    private static RefundRow refundRow(ResultSet rs, int n) throws SQLException {
        return new RefundRow(rs.getObject("id", UUID.class), rs.getObject("seller_order_id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getLong("amount_minor"), rs.getString("currency"), rs.getLong("goods_part"), rs.getLong("shipping_part"),
                rs.getLong("duty_tax_part"), rs.getLong("fees_back"), rs.getLong("seller_part"), rs.getString("status"),
                rs.getString("reason"),
                instant(rs, "created_at"));
    }

    static Timestamp ts(Instant instant) {
        return Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
