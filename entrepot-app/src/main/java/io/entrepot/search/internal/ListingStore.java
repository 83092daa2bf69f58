package io.entrepot.search.internal;

import io.entrepot.search.Listing;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code search.listing} and {@code search.seller_ranking}. */
@Repository
public class ListingStore {

    /** PostgreSQL's text-search configurations for the languages that have one; the rest use 'simple'. */
    private static final Map<String, String> CONFIGS = Map.ofEntries(
            Map.entry("en", "english"), Map.entry("de", "german"), Map.entry("fr", "french"), Map.entry("es", "spanish"),
            Map.entry("pt", "portuguese"), Map.entry("id", "indonesian"), Map.entry("ar", "arabic"), Map.entry("it", "italian"),
            Map.entry("nl", "dutch"), Map.entry("ru", "russian"), Map.entry("tr", "turkish"));

    /**
     * How many matches, taken in ranking-factor order (newest first among equals), are ranked by text
     * relevance. Bounds the work of a query whose words match a large part of the market; a query
     * matching fewer is ranked exactly.
     */
    static final int RANK_WINDOW = 1000;

    private final JdbcClient jdbc;

    ListingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String config(String language) {
        return CONFIGS.getOrDefault(language, "simple");
    }

    public void upsert(UUID offer, String language, UUID product, UUID seller, String sellerName, String market, String category,
            String title, String description, long minPriceMinor, String currency, Instant now) {
        jdbc.sql("""
                insert into search.listing (offer_id, language, product_id, seller_id, seller_name, market_code, category, title,
                    description, min_price_minor, currency, tsv, updated_at, rank_factor)
                values (:offer, :language, :product, :seller, :sellerName, :market, :category, :title, :description, :price,
                    :currency, setweight(to_tsvector(cast(:config as regconfig), :title), 'A')
                             || setweight(to_tsvector(cast(:config as regconfig), :description), 'B'), :now,
                    coalesce((select r.factor from search.seller_ranking r where r.seller_id = :seller), 1))
                on conflict (offer_id, language) do update set title = excluded.title, description = excluded.description,
                    rank_factor = excluded.rank_factor,
                    category = excluded.category, seller_name = excluded.seller_name, min_price_minor = excluded.min_price_minor,
                    currency = excluded.currency, tsv = excluded.tsv, updated_at = excluded.updated_at
                """)
                .param("offer", offer).param("language", language).param("product", product).param("seller", seller)
                .param("sellerName", sellerName).param("market", market).param("category", category).param("title", title)
                .param("description", description).param("price", minPriceMinor).param("currency", currency)
                .param("config", config(language)).param("now", Timestamp.from(now)).update();
    }

    public void remove(UUID offer) {
        jdbc.sql("delete from search.listing where offer_id = :offer").param("offer", offer).update();
    }

    public void removeLanguagesOtherThan(UUID offer, List<String> languages) {
        jdbc.sql("delete from search.listing where offer_id = :offer and not (language = any (string_to_array(:languages, ',')))")
                .param("offer", offer).param("languages", String.join(",", languages)).update();
    }

    /**
     * A page of hits; the cursor is the last hit's (score, offer id). With text, the score is the text
     * rank times the seller's factor, over the first {@link #RANK_WINDOW} matches in factor order;
     * without text, the factor alone, read in index order. Languages without
     * a PostgreSQL configuration (Chinese, Japanese, Thai, …) also match by substring of the title.
     */
    public List<Hit> search(String market, String language, @Nullable String text, @Nullable String category,
            @Nullable BigDecimal afterScore, @Nullable UUID afterOffer, int limit) {
        String config = config(language);
        if (text == null) {
            return jdbc.sql("""
                    select l.*, round(l.rank_factor, 8) as score from search.listing l
                    where l.market_code = :market and l.language = :language
                      and (cast(:category as text) is null or l.category = :category)
                      and (cast(:afterScore as numeric) is null or (l.rank_factor, l.offer_id) < (cast(:afterScore as numeric), :afterOffer))
                    order by l.rank_factor desc, l.offer_id desc
                    limit :limit
                    """)
                    .param("market", market).param("language", language).param("category", category)
                    .param("afterScore", afterScore).param("afterOffer", afterOffer).param("limit", limit)
                    .query(ListingStore::hit).list();
        }
        String query = "websearch_to_tsquery(cast(:config as regconfig), :text)";
        String match = config.equals("simple")
                ? "(l.tsv @@ " + query + " or l.title ilike '%' || :text || '%')"
                : "l.tsv @@ " + query;
        // Plan for these very words: how many listings they match decides between the text index and
        // walking the ranking index, and a generic plan cannot know.
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        return jdbc.sql("""
                with candidates as (
                    select l.offer_id, l.language, l.rank_factor, l.tsv from search.listing l
                    where l.market_code = :market and l.language = :language
                      and (cast(:category as text) is null or l.category = :category)
                      and MATCH
                    order by l.rank_factor desc, l.offer_id desc
                    limit WINDOW
                ),
                ranked as (
                    select c.offer_id, c.language,
                           round(cast((ts_rank(c.tsv, websearch_to_tsquery(cast(:config as regconfig), :text)) + 0.001)
                                 * c.rank_factor as numeric), 8) as score
                    from candidates c
                ),
                page as (
                    select * from ranked
                    where cast(:afterScore as numeric) is null or score < :afterScore or (score = :afterScore and offer_id > :afterOffer)
                    order by score desc, offer_id
                    limit :limit
                )
                select l.*, p.score from page p
                join search.listing l on l.offer_id = p.offer_id and l.language = p.language
                order by p.score desc, p.offer_id
                """.replace("MATCH", match).replace("WINDOW", Integer.toString(RANK_WINDOW)))
                .param("market", market).param("language", language).param("text", text).param("config", config)
                .param("category", category).param("afterScore", afterScore).param("afterOffer", afterOffer)
                .param("limit", limit)
                .query(ListingStore::hit).list();
    }

    public java.util.Optional<Listing> find(UUID offer, String language) {
        return jdbc.sql("""
                select l.*, l.rank_factor as score from search.listing l where l.offer_id = :offer
                order by (l.language = :language) desc, l.language limit 1
                """)
                .param("offer", offer).param("language", language)
                .query(ListingStore::hit).optional().map(Hit::listing);
    }

    public void setRanking(UUID seller, BigDecimal factor, String reason, Instant now) {
        jdbc.sql("update search.listing set rank_factor = :factor where seller_id = :seller")
                .param("factor", factor).param("seller", seller).update();
        jdbc.sql("""
                insert into search.seller_ranking (seller_id, factor, reason, updated_at) values (:seller, :factor, :reason, :now)
                on conflict (seller_id) do update set factor = excluded.factor, reason = excluded.reason, updated_at = excluded.updated_at
                """)
                .param("seller", seller).param("factor", factor).param("reason", reason).param("now", Timestamp.from(now)).update();
    }

    private static Hit hit(ResultSet rs, int n) throws SQLException {
        var listing = new Listing(rs.getObject("offer_id", UUID.class), rs.getObject("product_id", UUID.class),
                rs.getObject("seller_id", UUID.class), rs.getString("seller_name"), rs.getString("market_code"),
                rs.getString("language"), rs.getString("category"), rs.getString("title"), rs.getString("description"),
                new Money(rs.getLong("min_price_minor"), CurrencyCode.of(rs.getString("currency"))));
        return new Hit(listing, rs.getBigDecimal("score").setScale(8, java.math.RoundingMode.HALF_UP));
    }

    /** A listing with its score. */
    public record Hit(Listing listing, BigDecimal score) {
    }
}
