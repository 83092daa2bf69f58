package io.entrepot.ordering;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facts about purchases for review integrity: which line a review is about and whether it was
 * delivered, and the seller's other orders that share the buyer's delivery address or payment card —
 * the raw material of brushing detection. Read as the system; callers show users only their verdicts.
 */
@Service
public class Purchases {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    Purchases(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * One order line and what surrounds it. {@code addressKey} is the delivery address reduced to
     * lower-case street, postal code and country; {@code paymentToken} is the card token the buyer paid with.
     */
    public record PurchasedLine(UUID lineId, UUID sellerOrderId, UUID orderId, UUID sellerId, UUID offerId, String title, String market,
            String status, @Nullable Instant shippedAt, @Nullable Instant deliveredAt, String email, @Nullable UUID buyerUserId,
            String addressKey, String paymentToken, @Nullable String clientAddress, long goodsMinor, String currency, Instant orderedAt) {

        /** Who the buyer is for the review rules: the account when signed in, else the e-mail address. */
        public String buyerKey() {
            return buyerUserId != null ? "user:" + buyerUserId : "email:" + email.toLowerCase(java.util.Locale.ROOT);
        }

        public boolean delivered() {
            return deliveredAt != null && (status.equals("delivered") || status.equals("released"));
        }
    }

    private static final String LINE = """
            select l.id as line_id, s.id as seller_order_id, o.id as order_id, s.seller_id, l.offer_id, l.title, s.market_code, s.status,
                   s.shipped_at, s.delivered_at, o.email, o.buyer_user_id,
                   lower(regexp_replace(coalesce(o.address->>'line1', ''), '\\s+', ' ', 'g')) || '|' || upper(coalesce(o.address->>'postalCode', ''))
                       || '|' || coalesce(o.address->>'country', '') as address_key,
                   coalesce(p.token, '') as payment_token, host(o.client_address) as client_address, s.goods_minor, s.currency, o.created_at
            from ordering.order_line l
            join ordering.seller_order s on s.id = l.seller_order_id
            join ordering.buyer_order o on o.id = s.order_id
            left join ordering.payment p on p.order_id = o.id
            """;

    public Optional<PurchasedLine> line(UUID lineId) {
        return read(() -> jdbc.sql(LINE + " where l.id = :id").param("id", lineId).query(Purchases::line).optional());
    }

    /**
     * The seller's order lines since {@code since} whose delivery address, payment card or (when given)
     * network address is the same as {@code line}'s, or whose buyer is the same, the line itself included.
     */
    public List<PurchasedLine> linkedTo(PurchasedLine line, @Nullable String networkAddress, Instant since) {
        return read(() -> jdbc.sql("select * from (" + LINE + " where s.seller_id = :seller and o.created_at >= :since) linked"
                        + " where address_key = :address or (payment_token <> '' and payment_token = :token) or lower(email) = lower(:email)"
                        + " or client_address = cast(:ip as text) order by created_at limit 500")
                .param("seller", line.sellerId()).param("since", Timestamp.from(since)).param("address", line.addressKey())
                .param("token", line.paymentToken()).param("email", line.email()).param("ip", networkAddress)
                .query(Purchases::line).list());
    }

    /** When the buyer first ordered anything on the platform, and how many orders they have. */
    public record BuyerHistory(Instant firstOrderAt, long orders, long sellers) {
    }

    public BuyerHistory history(PurchasedLine line) {
        return read(() -> jdbc.sql("""
                        select min(o.created_at) as first_at, count(distinct o.id) as orders, count(distinct s.seller_id) as sellers
                        from ordering.buyer_order o join ordering.seller_order s on s.order_id = o.id
                        where (cast(:buyer as uuid) is not null and o.buyer_user_id = :buyer) or lower(o.email) = lower(:email)
                        """)
                .param("buyer", line.buyerUserId()).param("email", line.email())
                .query((rs, n) -> new BuyerHistory(rs.getTimestamp("first_at") == null ? line.orderedAt() : rs.getTimestamp("first_at").toInstant(),
                        rs.getLong("orders"), rs.getLong("sellers")))
                .single());
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        return ActorContext.callAs(Actor.system("review-integrity"), () -> {
            T result = tx.execute(status -> work.get());
            return result;
        });
    }

    private static PurchasedLine line(ResultSet rs, int row) throws SQLException {
        return new PurchasedLine(rs.getObject("line_id", UUID.class), rs.getObject("seller_order_id", UUID.class), rs.getObject("order_id", UUID.class),
                rs.getObject("seller_id", UUID.class), rs.getObject("offer_id", UUID.class), rs.getString("title"), rs.getString("market_code"),
                rs.getString("status"), instant(rs, "shipped_at"), instant(rs, "delivered_at"), rs.getString("email"),
                rs.getObject("buyer_user_id", UUID.class), rs.getString("address_key"), rs.getString("payment_token"), rs.getString("client_address"),
                rs.getLong("goods_minor"),
                rs.getString("currency"), rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
