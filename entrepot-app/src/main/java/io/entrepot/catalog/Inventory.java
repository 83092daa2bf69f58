package io.entrepot.catalog;

import io.entrepot.market.MarketCode;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.Warehouse;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What checkout needs of the catalog: the live offer behind a cart line (price in the market's
 * currency, weight, tariff chapter, where it ships from) and stock held for an order. Stock never
 * goes below zero: a hold is one conditional update per warehouse row, taken in SKU order so
 * concurrent multi-SKU orders cannot deadlock; a hold is consumed or released exactly once.
 */
@Service
@Transactional(readOnly = true)
public class Inventory {

    private final JdbcClient jdbc;
    private final Sellers sellers;
    private final Clock clock;

    Inventory(JdbcClient jdbc, Sellers sellers, Clock clock) {
        this.jdbc = jdbc;
        this.sellers = sellers;
        this.clock = clock;
    }

    /** A SKU of a live offer as a buyer in its market sees it. */
    public record CartLine(UUID offerId, UUID productId, SellerId sellerId, UUID skuId, String skuCode, String title, String category,
            String parentCategory, String hsChapter, Money unitPrice, int weightGrams, String originCountry, int available) {
    }

    /** Stock to hold: a quantity of a SKU. */
    public record StockRequest(UUID skuId, int quantity) {
        public StockRequest {
            if (quantity < 1) {
                throw new IllegalArgumentException("a quantity is at least 1");
            }
        }
    }

    /** A cart line to look up: an offer and, when it has several, which of its SKUs. */
    public record Wanted(UUID offerId, @Nullable UUID skuId) {
    }

    /**
     * The live offers' SKUs behind cart lines, in the order asked, with one statement whatever their
     * number (offers with their SKUs, prices and stock; the sellers' warehouses come from the node's
     * copies). When a line names no SKU its offer must have exactly one. Unknown offers are 404; an offer
     * of another market or not live is a conflict; the first line that cannot be sold decides the answer.
     */
    public List<CartLine> cartLines(MarketCode market, List<Wanted> wanted) {
        record OfferRow(UUID productId, UUID sellerId, String market, String status, String category, String parent, String hsChapter,
                String title) {
        }
        record StockRow(UUID warehouseId, int available) {
        }
        record SkuRow(UUID id, String code, int weightGrams, Money price, List<StockRow> stock) {
        }
        String[] offerIds = wanted.stream().map(w -> w.offerId().toString()).distinct().toArray(String[]::new);
        Map<UUID, OfferRow> offers = new HashMap<>();
        Map<UUID, List<SkuRow>> skusByOffer = new HashMap<>();
        // One row per SKU of each offer (one with no SKU for an offer without prices), its stock per warehouse
        // as two arrays, most stock first: one round trip for what the quote needs of the catalogue.
        jdbc.sql("""
                select o.id, o.product_id, o.seller_id, o.market_code, o.status, p.category, coalesce(c.parent, p.category) as parent,
                       c.hs_chapter, coalesce((select title from catalog.product_content pc where pc.product_id = p.id
                                               order by (pc.locale = p.fallback_locale) desc, pc.locale limit 1), '') as title,
                       s.id as sku_id, s.code, s.weight_grams, op.price_minor, op.currency, st.warehouses, st.available
                from catalog.offer o join catalog.product p on p.id = o.product_id join catalog.category c on c.slug = p.category
                left join catalog.offer_price op on op.offer_id = o.id
                left join catalog.sku s on s.id = op.sku_id
                left join lateral (select array_agg(k.warehouse_id order by k.available desc, k.warehouse_id) as warehouses,
                                          array_agg(k.available order by k.available desc, k.warehouse_id) as available
                                   from catalog.stock k where k.sku_id = s.id) st on true
                where o.id = any (cast(:offers as uuid[]))
                order by o.id, s.code
                """).param("offers", offerIds).query((rs, n) -> {
                    UUID offerId = rs.getObject("id", UUID.class);
                    if (!offers.containsKey(offerId)) {
                        offers.put(offerId, new OfferRow(rs.getObject("product_id", UUID.class), rs.getObject("seller_id", UUID.class),
                                rs.getString("market_code"), rs.getString("status"), rs.getString("category"), rs.getString("parent"),
                                rs.getString("hs_chapter"), rs.getString("title")));
                    }
                    List<SkuRow> skus = skusByOffer.computeIfAbsent(offerId, k -> new ArrayList<>());
                    UUID skuId = rs.getObject("sku_id", UUID.class);
                    if (skuId != null) {
                        List<StockRow> stock = new ArrayList<>();
                        java.sql.Array warehouseIds = rs.getArray("warehouses");
                        if (warehouseIds != null) {
                            Object[] ids = (Object[]) warehouseIds.getArray();
                            Object[] available = (Object[]) rs.getArray("available").getArray();
                            for (int i = 0; i < ids.length; i++) {
                                stock.add(new StockRow((UUID) ids[i], ((Number) available[i]).intValue()));
                            }
                        }
                        skus.add(new SkuRow(skuId, rs.getString("code"), rs.getInt("weight_grams"),
                                Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")), stock));
                    }
                    return offerId;
                }).list();
        List<OfferRow> lineOffers = new ArrayList<>();
        List<SkuRow> lineSkus = new ArrayList<>();
        for (Wanted w : wanted) {
            OfferRow offer = offers.get(w.offerId());
            if (offer == null) {
                throw new NotFoundException("offer", w.offerId());
            }
            if (!market.value().equals(offer.market())) {
                throw new ConflictException("offer-unavailable", "offer " + w.offerId() + " is sold in " + offer.market() + ", not in " + market);
            }
            if (!"live".equals(offer.status())) {
                throw new ConflictException("offer-unavailable", "offer " + w.offerId() + " is not live in " + market);
            }
            List<SkuRow> skus = skusByOffer.getOrDefault(w.offerId(), List.of());
            SkuRow sku;
            if (w.skuId() != null) {
                sku = skus.stream().filter(s -> s.id().equals(w.skuId())).findFirst()
                        .orElseThrow(() -> new NotFoundException("SKU of offer " + w.offerId(), w.skuId()));
            } else if (skus.size() == 1) {
                sku = skus.getFirst();
            } else {
                throw new IllegalArgumentException("offer " + w.offerId() + " has " + skus.size() + " SKUs: name one with skuId");
            }
            lineOffers.add(offer);
            lineSkus.add(sku);
        }
        Map<SellerId, List<Warehouse>> warehouses = sellers.warehouses(lineOffers.stream().map(o -> new SellerId(o.sellerId())).toList());
        List<CartLine> lines = new ArrayList<>();
        for (int i = 0; i < wanted.size(); i++) {
            OfferRow offer = lineOffers.get(i);
            SkuRow sku = lineSkus.get(i);
            SellerId seller = new SellerId(offer.sellerId());
            Map<UUID, String> countries = new HashMap<>();
            for (Warehouse w : warehouses.getOrDefault(seller, List.of())) {
                countries.put(w.id(), w.country());
            }
            List<StockRow> stock = sku.stock();
            int available = stock.stream().mapToInt(StockRow::available).sum();
            // Ships from the country of the warehouse with the most stock (where the hold will take it from).
            String origin = stock.stream().map(s -> countries.get(s.warehouseId())).filter(c -> c != null).findFirst()
                    .orElseGet(() -> countries.values().stream().sorted().findFirst().orElseGet(() -> sellers.get(seller).country()));
            lines.add(new CartLine(wanted.get(i).offerId(), offer.productId(), seller, sku.id(), sku.code(), offer.title(), offer.category(),
                    offer.parent(), offer.hsChapter(), sku.price(), sku.weightGrams(), origin, available));
        }
        return lines;
    }

    /** The cheapest SKU of a live offer (what "add to cart" from a product page takes). */
    public UUID cheapestSku(UUID offerId) {
        return jdbc.sql("select sku_id from catalog.offer_price where offer_id = :offer order by price_minor, sku_id limit 1")
                .param("offer", offerId).query(UUID.class).optional().orElseThrow(() -> new NotFoundException("offer", offerId));
    }

    /**
     * Holds stock for an order until {@code expiresAt}: from the warehouse with the most available
     * stock that can serve the whole quantity. Throws {@code out-of-stock} when a SKU cannot be served;
     * the caller decides: roll back, or release what this order holds.
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public void hold(UUID orderRef, List<StockRequest> requests, Instant expiresAt) {
        hold(requests.stream().map(r -> new Hold(orderRef, r)).toList(), expiresAt);
    }

    /** Stock to hold for one of several orders placed together (one per seller). */
    public record Hold(UUID orderRef, StockRequest request) {
    }

    /**
     * Holds stock for several orders at once, all rows taken in one canonical order (by SKU) whatever
     * the orders, so two checkouts over the same SKUs of several sellers cannot deadlock. One call of
     * {@code catalog.hold_stock} (V61) takes the stock line by line and writes the holds: when a SKU cannot
     * be served it gives back what it took and writes nothing, and this throws {@code out-of-stock}.
     */
    @Transactional(noRollbackFor = ConflictException.class)
    public void hold(List<Hold> holds, Instant expiresAt) {
        if (holds.isEmpty()) {
            return;
        }
        List<Hold> sorted = new ArrayList<>(holds);
        sorted.sort(Comparator.comparing((Hold h) -> h.request().skuId()).thenComparing(Hold::orderRef));
        int unserved = jdbc.sql("select catalog.hold_stock(cast(:ids as uuid[]), cast(:orders as uuid[]), cast(:skus as uuid[]),"
                        + " cast(:quantities as integer[]), :expires, :now)")
                .param("ids", sorted.stream().map(h -> Ids.newId(clock).toString()).toArray(String[]::new))
                .param("orders", sorted.stream().map(h -> h.orderRef().toString()).toArray(String[]::new))
                .param("skus", sorted.stream().map(h -> h.request().skuId().toString()).toArray(String[]::new))
                .param("quantities", sorted.stream().mapToInt(h -> h.request().quantity()).toArray())
                .param("expires", Timestamp.from(expiresAt)).param("now", Timestamp.from(clock.instant()))
                .query(Integer.class).single();
        if (unserved > 0) {
            StockRequest request = sorted.get(unserved - 1).request();
            throw new ConflictException("out-of-stock", "not enough stock of SKU " + request.skuId() + " for " + request.quantity());
        }
    }

    /** Turns the holds of several orders into sold stock in one statement; the orders that had holds left (the others' had expired). */
    @Transactional
    public java.util.Set<UUID> consumeAll(java.util.Collection<UUID> orderRefs) {
        return new java.util.HashSet<>(jdbc.sql("""
                with consumed as (update catalog.reservation set state = 'consumed', settled_at = :now
                                  where order_ref = any (cast(:orders as uuid[])) and state = 'held'
                                  returning id, order_ref),
                     unqueued as (delete from catalog.hold where reservation_id in (select id from consumed))
                select order_ref from consumed
                """).param("now", Timestamp.from(clock.instant())).param("orders", orderRefs.stream().map(UUID::toString).toArray(String[]::new))
                .query(UUID.class).list());
    }

    /**
     * Gives an order's held or consumed stock back (a cancellation, a decline, a return): each hold is
     * given back once, whatever the number of calls. Returns the units given back.
     */
    @Transactional
    public int release(UUID orderRef) {
        return giveBack(jdbc.sql("""
                with released as (update catalog.reservation set state = 'released', settled_at = :now
                                  where order_ref = :order and state in ('held', 'consumed')
                                  returning id, sku_id, warehouse_id, quantity),
                     unqueued as (delete from catalog.hold where reservation_id in (select id from released))
                select sku_id, warehouse_id, quantity from released
                """).param("now", Timestamp.from(clock.instant())).param("order", orderRef));
    }

    /**
     * Releases holds whose time ran out before payment; the units given back. The reservations are
     * locked before their queue entries, as consuming and releasing do, so they cannot deadlock; one
     * another's are skipped. A queue entry whose hold was settled meanwhile is removed and gives nothing.
     */
    @Transactional
    public int expireHolds(int limit) {
        return giveBack(jdbc.sql("""
                with due as (select r.id from catalog.hold h join catalog.reservation r on r.id = h.reservation_id
                             where h.expires_at <= :now order by h.expires_at limit :limit for update of r skip locked),
                     released as (update catalog.reservation set state = 'released', settled_at = :now
                                  where id in (select id from due) and state = 'held'
                                  returning sku_id, warehouse_id, quantity),
                     unqueued as (delete from catalog.hold where reservation_id in (select id from due))
                select sku_id, warehouse_id, quantity from released
                """).param("now", Timestamp.from(clock.instant())).param("limit", limit));
    }

    /** Stock given back to a warehouse row. */
    private record Returned(UUID skuId, UUID warehouseId, int quantity) {
    }

    private int giveBack(JdbcClient.StatementSpec released) {
        List<Returned> rows = new ArrayList<>(released.query((rs, n) -> new Returned(rs.getObject("sku_id", UUID.class),
                rs.getObject("warehouse_id", UUID.class), rs.getInt("quantity"))).list());
        rows.sort(Comparator.comparing(Returned::skuId).thenComparing(Returned::warehouseId));
        int units = 0;
        for (Returned row : rows) {
            jdbc.sql("update catalog.stock set available = available + :quantity where sku_id = :sku and warehouse_id = :warehouse")
                    .param("quantity", row.quantity()).param("sku", row.skuId()).param("warehouse", row.warehouseId()).update();
            units += row.quantity();
        }
        return units;
    }
}
