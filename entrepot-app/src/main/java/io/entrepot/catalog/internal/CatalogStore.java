package io.entrepot.catalog.internal;

import io.entrepot.catalog.BlockReason;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.catalog.OfferStatus;
import io.entrepot.catalog.Product;
import io.entrepot.catalog.ProductId;
import io.entrepot.catalog.Sku;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Rows of the catalog schema, filtered by row-level security. */
@Repository
public class CatalogStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean categoryExists(String slug) {
        return jdbc.sql("select count(*) from catalog.category where slug = :slug").param("slug", slug).query(Long.class).single() > 0;
    }

    public List<Category> categories() {
        return jdbc.sql("select * from catalog.category order by coalesce(parent, slug), parent nulls first, slug")
                .query((rs, n) -> new Category(rs.getString("slug"), rs.getString("parent"), rs.getString("name_en"),
                        rs.getString("name_zh"), rs.getString("hs_chapter")))
                .list();
    }

    public void insertProduct(ProductId id, SellerId seller, NewProduct product, Instant now) {
        jdbc.sql("""
                insert into catalog.product (id, seller_id, category, brand_name, attributes, fallback_locale, allow_fallback, created_at, updated_at)
                values (:id, :seller, :category, :brand, cast(:attributes as jsonb), :fallback, :allow, :now, :now)
                """)
                .param("id", id.value()).param("seller", seller.value()).param("category", product.category())
                .param("brand", product.brandName()).param("attributes", JSON.writeValueAsString(product.attributes()))
                .param("fallback", product.fallbackLocale().toLanguageTag()).param("allow", product.allowFallback())
                .param("now", Timestamp.from(now)).update();
        replaceContents(id, seller, product.contents());
    }

    public boolean updateProduct(ProductId id, SellerId seller, NewProduct product, Instant now) {
        int updated = jdbc.sql("""
                update catalog.product set category = :category, brand_name = :brand, attributes = cast(:attributes as jsonb),
                    fallback_locale = :fallback, allow_fallback = :allow, updated_at = :now
                where id = :id
                """)
                .param("id", id.value()).param("category", product.category()).param("brand", product.brandName())
                .param("attributes", JSON.writeValueAsString(product.attributes()))
                .param("fallback", product.fallbackLocale().toLanguageTag()).param("allow", product.allowFallback())
                .param("now", Timestamp.from(now)).update();
        if (updated == 0) {
            return false;
        }
        replaceContents(id, seller, product.contents());
        return true;
    }

    private void replaceContents(ProductId id, SellerId seller, List<Content> contents) {
        jdbc.sql("delete from catalog.product_content where product_id = :id").param("id", id.value()).update();
        for (Content content : contents) {
            jdbc.sql("""
                    insert into catalog.product_content (product_id, seller_id, locale, title, description)
                    values (:id, :seller, :locale, :title, :description)
                    """)
                    .param("id", id.value()).param("seller", seller.value()).param("locale", content.locale().toLanguageTag())
                    .param("title", content.title()).param("description", content.description()).update();
        }
    }

    /** Inserts the SKU, or updates the one with the same code; returns its id. */
    public UUID upsertSku(UUID newId, ProductId product, SellerId seller, NewSku sku) {
        return jdbc.sql("""
                insert into catalog.sku (id, product_id, seller_id, code, base_price_minor, base_currency, weight_grams,
                    length_mm, width_mm, height_mm, attributes)
                values (:id, :product, :seller, :code, :price, :currency, :weight, :length, :width, :height, cast(:attributes as jsonb))
                on conflict (seller_id, code) do update set base_price_minor = excluded.base_price_minor,
                    base_currency = excluded.base_currency, weight_grams = excluded.weight_grams, length_mm = excluded.length_mm,
                    width_mm = excluded.width_mm, height_mm = excluded.height_mm, attributes = excluded.attributes
                    where catalog.sku.product_id = excluded.product_id
                returning id
                """)
                .param("id", newId).param("product", product.value()).param("seller", seller.value()).param("code", sku.code())
                .param("price", sku.basePrice().minor()).param("currency", sku.basePrice().currency().code())
                .param("weight", sku.weightGrams()).param("length", sku.lengthMm()).param("width", sku.widthMm())
                .param("height", sku.heightMm()).param("attributes", JSON.writeValueAsString(sku.attributes()))
                .query(UUID.class).optional()
                .orElseThrow(() -> new io.entrepot.shared.ConflictException("duplicate-sku-code",
                        "you already use SKU code " + sku.code() + " on another product"));
    }

    public void setStock(UUID sku, UUID warehouse, SellerId seller, int available) {
        jdbc.sql("""
                insert into catalog.stock (sku_id, warehouse_id, seller_id, available) values (:sku, :warehouse, :seller, :available)
                on conflict (sku_id, warehouse_id) do update set available = excluded.available
                """)
                .param("sku", sku).param("warehouse", warehouse).param("seller", seller.value()).param("available", available)
                .update();
    }

    public Optional<Product> findProduct(ProductId id) {
        Optional<ProductRow> row = jdbc.sql("select * from catalog.product where id = :id").param("id", id.value())
                .query((rs, n) -> new ProductRow(new SellerId(rs.getObject("seller_id", UUID.class)), rs.getString("category"),
                        rs.getString("brand_name"), JSON.readValue(rs.getString("attributes"), STRING_MAP),
                        Locale.forLanguageTag(rs.getString("fallback_locale")), rs.getBoolean("allow_fallback"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Content> contents = jdbc.sql("select * from catalog.product_content where product_id = :id order by locale")
                .param("id", id.value())
                .query((rs, n) -> new Content(Locale.forLanguageTag(rs.getString("locale")), rs.getString("title"), rs.getString("description")))
                .list();
        Map<UUID, Map<UUID, Integer>> stock = new HashMap<>();
        jdbc.sql("select st.* from catalog.stock st join catalog.sku s on s.id = st.sku_id where s.product_id = :id")
                .param("id", id.value())
                .query(rs -> {
                    stock.computeIfAbsent(rs.getObject("sku_id", UUID.class), k -> new LinkedHashMap<>())
                            .put(rs.getObject("warehouse_id", UUID.class), rs.getInt("available"));
                });
        List<Sku> skus = jdbc.sql("select * from catalog.sku where product_id = :id order by code").param("id", id.value())
                .query((rs, n) -> {
                    UUID skuId = rs.getObject("id", UUID.class);
                    return new Sku(skuId, rs.getString("code"),
                            new Money(rs.getLong("base_price_minor"), CurrencyCode.of(rs.getString("base_currency"))),
                            rs.getInt("weight_grams"), rs.getInt("length_mm"), rs.getInt("width_mm"), rs.getInt("height_mm"),
                            JSON.readValue(rs.getString("attributes"), STRING_MAP), stock.getOrDefault(skuId, Map.of()));
                })
                .list();
        ProductRow p = row.get();
        return Optional.of(new Product(id, p.seller(), p.category(), p.brand(), p.attributes(), p.fallback(), p.allowFallback(),
                contents, skus, p.createdAt(), p.updatedAt()));
    }

    public List<ProductId> productIdsOf(SellerId seller, int limit) {
        return jdbc.sql("select id from catalog.product where seller_id = :seller order by created_at desc limit :limit")
                .param("seller", seller.value()).param("limit", limit)
                .query((rs, n) -> new ProductId(rs.getObject("id", UUID.class))).list();
    }

    /** Inserts or updates the product's offer in the market; returns the offer's id. */
    public UUID upsertOffer(UUID newId, ProductId product, SellerId seller, String market, OfferStatus status,
            List<BlockReason> reasons, BigDecimal markupPct, Instant now) {
        return jdbc.sql("""
                insert into catalog.offer (id, product_id, seller_id, market_code, status, reasons, markup_pct, published_at, updated_at)
                values (:id, :product, :seller, :market, :status, coalesce(string_to_array(nullif(:reasons, ''), ','), '{}'), :markup, :now, :now)
                on conflict (product_id, market_code) do update set status = excluded.status, reasons = excluded.reasons,
                    markup_pct = excluded.markup_pct, updated_at = excluded.updated_at
                returning id
                """)
                .param("id", newId).param("product", product.value()).param("seller", seller.value()).param("market", market)
                .param("status", status.name().toLowerCase(Locale.ROOT))
                .param("reasons", String.join(",", reasons.stream().map(Enum::name).toList()))
                .param("markup", markupPct).param("now", Timestamp.from(now))
                .query(UUID.class).single();
    }

    /** Stores the SKU's price in the offer; records history when it is new or changed. */
    public void setPrice(UUID offer, UUID sku, SellerId seller, Money price, boolean explicit, @Nullable BigDecimal rate,
            @Nullable Instant rateAsOf, String cause, Instant now) {
        Optional<Long> previous = jdbc.sql("select price_minor from catalog.offer_price where offer_id = :offer and sku_id = :sku")
                .param("offer", offer).param("sku", sku).query(Long.class).optional();
        jdbc.sql("""
                insert into catalog.offer_price (offer_id, sku_id, seller_id, price_minor, currency, explicit_price, fx_rate, fx_as_of, updated_at)
                values (:offer, :sku, :seller, :price, :currency, :explicit, :rate, :asOf, :now)
                on conflict (offer_id, sku_id) do update set price_minor = excluded.price_minor, currency = excluded.currency,
                    explicit_price = excluded.explicit_price, fx_rate = excluded.fx_rate, fx_as_of = excluded.fx_as_of,
                    updated_at = excluded.updated_at
                """)
                .param("offer", offer).param("sku", sku).param("seller", seller.value()).param("price", price.minor())
                .param("currency", price.currency().code()).param("explicit", explicit).param("rate", rate)
                .param("asOf", rateAsOf == null ? null : Timestamp.from(rateAsOf)).param("now", Timestamp.from(now)).update();
        if (previous.isEmpty() || previous.get() != price.minor()) {
            jdbc.sql("""
                    insert into catalog.offer_price_history (offer_id, sku_id, seller_id, price_minor, currency, fx_rate, cause, recorded_at)
                    values (:offer, :sku, :seller, :price, :currency, :rate, :cause, :now)
                    """)
                    .param("offer", offer).param("sku", sku).param("seller", seller.value()).param("price", price.minor())
                    .param("currency", price.currency().code()).param("rate", rate).param("cause", cause)
                    .param("now", Timestamp.from(now)).update();
        }
    }

    public List<OfferRow> offers(SellerId seller, @Nullable String market) {
        return jdbc.sql("""
                select o.id, o.product_id, o.market_code, o.status, o.reasons, p.sku_id, s.code, p.price_minor, p.currency,
                       p.explicit_price, p.fx_rate
                from catalog.offer o
                left join catalog.offer_price p on p.offer_id = o.id
                left join catalog.sku s on s.id = p.sku_id
                where o.seller_id = :seller and (cast(:market as text) is null or o.market_code = :market)
                order by o.market_code, o.product_id, s.code
                """)
                .param("seller", seller.value()).param("market", market)
                .query(CatalogStore::offerRow).list();
    }

    public Optional<ProductId> productOfOffer(UUID offerId) {
        return jdbc.sql("select product_id from catalog.offer where id = :offer").param("offer", offerId)
                .query((rs, n) -> new ProductId(rs.getObject(1, UUID.class))).optional();
    }

    public List<OfferRow> offersOfProduct(ProductId product) {
        return jdbc.sql("""
                select o.id, o.product_id, o.market_code, o.status, o.reasons, p.sku_id, s.code, p.price_minor, p.currency,
                       p.explicit_price, p.fx_rate
                from catalog.offer o
                left join catalog.offer_price p on p.offer_id = o.id
                left join catalog.sku s on s.id = p.sku_id
                where o.product_id = :product
                order by o.market_code, s.code
                """)
                .param("product", product.value()).query(CatalogStore::offerRow).list();
    }

    public List<PriceChange> priceHistory(UUID offer) {
        return jdbc.sql("""
                select s.code, h.price_minor, h.currency, h.fx_rate, h.cause, h.recorded_at
                from catalog.offer_price_history h join catalog.sku s on s.id = h.sku_id
                where h.offer_id = :offer order by h.recorded_at, s.code
                """)
                .param("offer", offer)
                .query((rs, n) -> new PriceChange(rs.getString("code"),
                        new Money(rs.getLong("price_minor"), CurrencyCode.of(rs.getString("currency"))),
                        rs.getBigDecimal("fx_rate"), rs.getString("cause"), rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    private static OfferRow offerRow(ResultSet rs, int n) throws SQLException {
        List<BlockReason> reasons = new ArrayList<>();
        Array array = rs.getArray("reasons");
        if (array != null) {
            for (Object reason : (Object[]) array.getArray()) {
                reasons.add(BlockReason.valueOf((String) reason));
            }
        }
        String currency = rs.getString("currency");
        return new OfferRow(rs.getObject("id", UUID.class), new ProductId(rs.getObject("product_id", UUID.class)),
                rs.getString("market_code"), OfferStatus.valueOf(rs.getString("status").toUpperCase(Locale.ROOT)), reasons,
                rs.getString("code"), currency == null ? null : new Money(rs.getLong("price_minor"), CurrencyCode.of(currency)),
                rs.getBoolean("explicit_price"), rs.getBigDecimal("fx_rate"));
    }

    private record ProductRow(SellerId seller, String category, @Nullable String brand, Map<String, String> attributes,
            Locale fallback, boolean allowFallback, Instant createdAt, Instant updatedAt) {
    }

    /** One row of an offer with one of its SKU prices (or none for a blocked offer). */
    public record OfferRow(UUID offerId, ProductId productId, String market, OfferStatus status, List<BlockReason> reasons,
            @Nullable String skuCode, @Nullable Money price, boolean explicit, @Nullable BigDecimal fxRate) {
    }

    /** A category of the tree. */
    public record Category(String slug, @Nullable String parent, String nameEn, String nameZh, String hsChapter) {
    }

    /** One recorded price. */
    public record PriceChange(String skuCode, Money price, @Nullable BigDecimal fxRate, String cause, Instant at) {
    }
}
