package io.entrepot.reviews.internal;

import io.entrepot.reviews.ProductReviews;
import io.entrepot.reviews.ReviewView;
import io.entrepot.reviews.Signal;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of the {@code reviews} schema. */
@Repository
public class ReviewStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Signal>> SIGNALS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    ReviewStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewRow(UUID id, String market, UUID orderLineId, UUID sellerOrderId, UUID sellerId, UUID productId, UUID offerId,
            String reviewer, int rating, String body, String locale, List<String> photoUrls, String status, double score, List<Signal> signals,
            int[] signature, String decidedBy, Instant now) {
    }

    /** Inserts the review; false when its order line already has one. */
    public boolean insert(NewRow r) {
        return jdbc.sql("""
                        insert into reviews.review (id, market_code, order_line_id, seller_order_id, seller_id, product_id, offer_id, reviewer,
                            rating, body, locale, photo_urls, status, score, signals, signature, decided_by, created_at, updated_at)
                        values (:id, :market, :line, :sellerOrder, :seller, :product, :offer, :reviewer, :rating, :body, :locale,
                            cast(:photos as text[]), :status, :score, cast(:signals as jsonb), cast(:signature as integer[]), :decidedBy, :now, :now)
                        on conflict (order_line_id) do nothing
                        """)
                .param("id", r.id()).param("market", r.market()).param("line", r.orderLineId()).param("sellerOrder", r.sellerOrderId())
                .param("seller", r.sellerId()).param("product", r.productId()).param("offer", r.offerId()).param("reviewer", r.reviewer())
                .param("rating", r.rating()).param("body", r.body()).param("locale", r.locale()).param("photos", r.photoUrls().toArray(String[]::new))
                .param("status", r.status()).param("score", score(r.score())).param("signals", json(r.signals()))
                .param("signature", r.signature()).param("decidedBy", r.decidedBy()).param("now", Timestamp.from(r.now()))
                .update() == 1;
    }

    public void insertBands(UUID review, UUID seller, long[] keys) {
        jdbc.sql("""
                        insert into reviews.review_band (band_key, review_id, seller_id)
                        select distinct key, :review, :seller from unnest(cast(:keys as bigint[])) as key on conflict do nothing
                        """)
                .param("keys", keys).param("review", review).param("seller", seller).update();
    }

    public boolean lineReviewed(UUID orderLineId) {
        return jdbc.sql("select exists (select 1 from reviews.review where order_line_id = :line)").param("line", orderLineId)
                .query(Boolean.class).single();
    }

    /** A review that shares an LSH band with a new one. */
    public record Candidate(UUID id, UUID sellerId, String status, String decidedBy, int[] signature, List<Signal> signals, int rating) {
    }

    public List<Candidate> sharingABand(long[] keys, int limit) {
        List<Long> list = new ArrayList<>();
        for (long key : keys) {
            list.add(key);
        }
        return jdbc.sql("""
                        select r.id, r.seller_id, r.status, r.decided_by, r.signature, r.signals, r.rating from reviews.review r
                        where r.id in (select b.review_id from reviews.review_band b where b.band_key in (:keys) limit :limit)
                        """)
                .param("keys", list).param("limit", limit)
                .query((rs, n) -> new Candidate(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getString("status"),
                        rs.getString("decided_by"), ints(rs.getArray("signature")), signals(rs.getString("signals")), rs.getInt("rating")))
                .list();
    }

    public void updateVerdict(UUID id, String status, double score, List<Signal> signals, String decidedBy, Instant now) {
        jdbc.sql("""
                        update reviews.review set status = :status, score = :score, signals = cast(:signals as jsonb), decided_by = :decidedBy,
                            updated_at = :now where id = :id
                        """)
                .param("id", id).param("status", status).param("score", score(score)).param("signals", json(signals))
                .param("decidedBy", decidedBy).param("now", Timestamp.from(now)).update();
    }

    public void setStatus(UUID id, String status, String decidedBy, Instant now) {
        jdbc.sql("update reviews.review set status = :status, decided_by = :decidedBy, updated_at = :now where id = :id")
                .param("id", id).param("status", status).param("decidedBy", decidedBy).param("now", Timestamp.from(now)).update();
    }

    public void decision(UUID id, UUID review, UUID seller, String decision, String reason, String actor, boolean automatic, double score, Instant now) {
        jdbc.sql("""
                        insert into reviews.moderation_decision (id, review_id, seller_id, decision, reason, actor, automatic, score, created_at)
                        values (:id, :review, :seller, :decision, :reason, :actor, :automatic, :score, :now)
                        """)
                .param("id", id).param("review", review).param("seller", seller).param("decision", decision).param("reason", reason)
                .param("actor", actor).param("automatic", automatic).param("score", score(score)).param("now", Timestamp.from(now)).update();
    }

    public record Decision(String decision, String reason, String actor, boolean automatic, double score, Instant at) {
    }

    public List<Decision> decisions(UUID review) {
        return jdbc.sql("select * from reviews.moderation_decision where review_id = :review order by created_at, id").param("review", review)
                .query((rs, n) -> new Decision(rs.getString("decision"), rs.getString("reason"), rs.getString("actor"), rs.getBoolean("automatic"),
                        rs.getDouble("score"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public void confirmFake(UUID review, UUID seller, Instant now) {
        jdbc.sql("""
                        insert into reviews.confirmed_fake (review_id, seller_id, confirmed_at, created_at) values (:review, :seller, :now, :now)
                        on conflict (review_id) do update set confirmed_at = excluded.confirmed_at, excused_at = null
                        where reviews.confirmed_fake.excused_at is not null
                        """)
                .param("review", review).param("seller", seller).param("now", Timestamp.from(now)).update();
    }

    public void excuseFake(UUID review, Instant now) {
        jdbc.sql("update reviews.confirmed_fake set excused_at = :now where review_id = :review and excused_at is null")
                .param("review", review).param("now", Timestamp.from(now)).update();
    }

    public int excuseFakesUpTo(UUID seller, Instant until, Instant now) {
        return jdbc.sql("update reviews.confirmed_fake set excused_at = :now where seller_id = :seller and confirmed_at <= :until and excused_at is null")
                .param("seller", seller).param("until", Timestamp.from(until)).param("now", Timestamp.from(now)).update();
    }

    public List<Instant> confirmationsSince(UUID seller, Instant since) {
        return jdbc.sql("select confirmed_at from reviews.confirmed_fake where seller_id = :seller and excused_at is null and confirmed_at > :since")
                .param("seller", seller).param("since", Timestamp.from(since))
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).list();
    }

    public long reviewsOfSellerSince(UUID seller, Instant since) {
        return jdbc.sql("select count(*) from reviews.review where seller_id = :seller and created_at > :since")
                .param("seller", seller).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    public long reviewsOfProductSince(UUID product, Instant since) {
        return jdbc.sql("select count(*) from reviews.review where product_id = :product and created_at > :since")
                .param("product", product).param("since", Timestamp.from(since)).query(Long.class).single();
    }

    /** The mean rating of a product's published reviews and how many there are. */
    public record Mean(long count, double mean) {
    }

    public Mean productMean(UUID product) {
        return jdbc.sql("select count(*), coalesce(avg(rating), 0) from reviews.review where product_id = :product and status = 'published'")
                .param("product", product).query((rs, n) -> new Mean(rs.getLong(1), rs.getDouble(2))).single();
    }

    public Optional<ReviewView> find(UUID id) {
        return jdbc.sql("select * from reviews.review where id = :id").param("id", id).query(ReviewStore::view).optional();
    }

    public List<ReviewView> byStatus(@Nullable String status, @Nullable UUID seller, int limit) {
        return jdbc.sql("""
                        select * from reviews.review where (cast(:status as text) is null or status = :status)
                          and (cast(:seller as uuid) is null or seller_id = :seller)
                        order by case when status = 'held' then score end desc nulls last, created_at desc limit :limit
                        """)
                .param("status", status).param("seller", seller).param("limit", limit).query(ReviewStore::view).list();
    }

    public List<ReviewView> ofSeller(UUID seller, int limit) {
        return jdbc.sql("select * from reviews.review where seller_id = :seller order by created_at desc limit :limit")
                .param("seller", seller).param("limit", limit).query(ReviewStore::view).list();
    }

    public ProductReviews productReviews(UUID product, String language, int limit) {
        var histogram = new ArrayList<Long>(List.of(0L, 0L, 0L, 0L, 0L));
        jdbc.sql("select rating, count(*) from reviews.review where product_id = :product and status = 'published' group by rating")
                .param("product", product).query((rs, n) -> histogram.set(rs.getInt(1) - 1, rs.getLong(2))).list();
        long count = histogram.stream().mapToLong(Long::longValue).sum();
        double sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * histogram.get(i);
        }
        var reviews = jdbc.sql("""
                        select * from reviews.review where product_id = :product and status = 'published'
                        order by (split_part(locale, '-', 1) = :language) desc, created_at desc limit :limit
                        """)
                .param("product", product).param("language", language).param("limit", limit)
                .query((rs, n) -> new ProductReviews.PublicReview(rs.getObject("id", UUID.class), rs.getInt("rating"), rs.getString("body"),
                        rs.getString("locale"), texts(rs.getArray("photo_urls")), true, rs.getString("reply"), rs.getTimestamp("created_at").toInstant()))
                .list();
        return new ProductReviews(product, count, count == 0 ? 0 : Math.round(sum / count * 100) / 100.0, List.copyOf(histogram), reviews);
    }

    public boolean reply(UUID review, UUID seller, String text, Instant now) {
        return jdbc.sql("update reviews.review set reply = :text, replied_at = :now, updated_at = :now where id = :id and seller_id = :seller and reply is null")
                .param("id", review).param("seller", seller).param("text", text).param("now", Timestamp.from(now)).update() == 1;
    }

    public int report(UUID id, UUID review, UUID seller, String reason, Instant now) {
        jdbc.sql("insert into reviews.review_report (id, review_id, seller_id, reason, created_at) values (:id, :review, :seller, :reason, :now)")
                .param("id", id).param("review", review).param("seller", seller).param("reason", reason).param("now", Timestamp.from(now)).update();
        return jdbc.sql("update reviews.review set reports = reports + 1 where id = :review returning reports").param("review", review)
                .query(Integer.class).single();
    }

    static ReviewView view(ResultSet rs, int row) throws SQLException {
        return new ReviewView(rs.getObject("id", UUID.class), rs.getString("market_code"), rs.getObject("seller_id", UUID.class),
                rs.getObject("product_id", UUID.class), rs.getObject("offer_id", UUID.class), rs.getObject("order_line_id", UUID.class),
                rs.getInt("rating"), rs.getString("body"), rs.getString("locale"), texts(rs.getArray("photo_urls")), rs.getString("status"),
                rs.getDouble("score"), signals(rs.getString("signals")), rs.getString("decided_by"), rs.getString("reply"),
                rs.getTimestamp("replied_at") == null ? null : rs.getTimestamp("replied_at").toInstant(), rs.getInt("reports"),
                rs.getTimestamp("created_at").toInstant());
    }

    static List<Signal> signals(String json) {
        return JSON.readValue(json, SIGNALS);
    }

    static String json(List<Signal> signals) {
        return JSON.writeValueAsString(signals);
    }

    private static BigDecimal score(double score) {
        return BigDecimal.valueOf(Math.round(Math.min(1, Math.max(0, score)) * 10_000), 4);
    }

    private static int[] ints(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        int[] ints = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ints[i] = ((Number) values[i]).intValue();
        }
        return ints;
    }

    private static List<String> texts(Array array) throws SQLException {
        List<String> list = new ArrayList<>();
        for (Object value : (Object[]) array.getArray()) {
            list.add((String) value);
        }
        return list;
    }
}
