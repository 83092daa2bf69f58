package io.entrepot.logistics;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Which markets parcels can reach from which origin countries. */
@Service
@Transactional(readOnly = true)
public class Lanes {

    private final JdbcClient jdbc;
    private final io.entrepot.shared.ReferenceData.Copies<String, java.util.List<ShippingRate>> copies;

    Lanes(JdbcClient jdbc, io.entrepot.shared.ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.copies = referenceData.copies("lane-rates", 10_000);
    }

    /** A lane record as offered to other modules. */
    public record Lane(String originCountry, String destinationMarket, String carrierService, int transitDaysMin, int transitDaysMax) {
    }

    /**
     * Whether goods in one of these countries reach the market: stock already in the market's country
     * ships domestically; otherwise an active cross-border lane must exist.
     */
    public boolean reaches(Collection<String> originCountries, String market) {
        if (originCountries.contains(market)) {
            return true;
        }
        if (originCountries.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                select count(*) from logistics.lane
                where active and destination_market = :market and origin_country in (:origins)
                """)
                .param("market", market).param("origins", List.copyOf(originCountries))
                .query(Long.class).single() > 0;
    }

    public List<Lane> from(String originCountry) {
        return jdbc.sql("select * from logistics.lane where active and origin_country = :origin order by destination_market")
                .param("origin", originCountry)
                .query((rs, n) -> new Lane(rs.getString("origin_country"), rs.getString("destination_market"),
                        rs.getString("carrier_service"), rs.getInt("transit_days_min"), rs.getInt("transit_days_max")))
                .list();
    }

    /** The price of carrying a parcel on a lane, from its rate table, in the table's currency. */
    public record ShippingRate(java.util.UUID laneId, String originCountry, String carrierService, int upToGrams,
            io.entrepot.shared.Money price, int transitDaysMin, int transitDaysMax) {
    }

    /**
     * The cheapest active lane from the origin to the market with a weight band that takes the parcel;
     * empty when no lane or band does.
     */
    public java.util.Optional<ShippingRate> shippingRate(String originCountry, String market, int weightGrams) {
        if (weightGrams < 1) {
            throw new IllegalArgumentException("a parcel weighs at least one gram");
        }
        // Each active lane's smallest band that takes the parcel, then the cheapest of those (the first lane on a tie).
        java.util.Map<java.util.UUID, ShippingRate> perLane = new java.util.LinkedHashMap<>();
        for (ShippingRate band : copies.get(originCountry + "→" + market, key -> bands(originCountry, market))) {
            if (band.upToGrams() >= weightGrams) {
                perLane.putIfAbsent(band.laneId(), band);
            }
        }
        return perLane.values().stream().min(java.util.Comparator.comparingLong(r -> r.price().minor()));
    }

    /** Every band of every active lane from the origin to the market, by lane and then by weight. */
    private java.util.List<ShippingRate> bands(String originCountry, String market) {
        return java.util.List.copyOf(jdbc.sql("""
                select l.id, l.origin_country, l.carrier_service, l.transit_days_min, l.transit_days_max, r.up_to_grams, r.price_minor, r.currency
                from logistics.lane l join logistics.lane_rate r on r.lane_id = l.id
                where l.active and l.origin_country = :origin and l.destination_market = :market
                order by l.id, r.up_to_grams
                """)
                .param("origin", originCountry).param("market", market)
                .query((rs, n) -> new ShippingRate(rs.getObject("id", java.util.UUID.class), rs.getString("origin_country"),
                        rs.getString("carrier_service"), rs.getInt("up_to_grams"),
                        io.entrepot.shared.Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency")),
                        rs.getInt("transit_days_min"), rs.getInt("transit_days_max")))
                .list());
    }

    /** Replaces a lane's rate table (operators). */
    @Transactional
    public void setRates(String originCountry, String market, String carrierService, java.util.List<RateBand> bands) {
        java.util.UUID lane = jdbc.sql("""
                select id from logistics.lane where origin_country = :origin and destination_market = :market and carrier_service = :service
                """).param("origin", originCountry).param("market", market).param("service", carrierService)
                .query(java.util.UUID.class).optional()
                .orElseThrow(() -> new io.entrepot.shared.NotFoundException("lane", originCountry + "→" + market + " " + carrierService));
        if (bands.isEmpty()) {
            throw new IllegalArgumentException("a rate table has at least one weight band");
        }
        if (bands.stream().map(b -> b.price().currency()).distinct().count() > 1) {
            throw new IllegalArgumentException("all bands of a rate table are in one currency");
        }
        jdbc.sql("delete from logistics.lane_rate where lane_id = :lane").param("lane", lane).update();
        for (RateBand band : bands) {
            jdbc.sql("insert into logistics.lane_rate (lane_id, up_to_grams, price_minor, currency) values (:lane, :upTo, :price, :currency)")
                    .param("lane", lane).param("upTo", band.upToGrams()).param("price", band.price().minor())
                    .param("currency", band.price().currency().code()).update();
        }
    }

    /** One weight band of a rate table: parcels up to this weight pay this price. */
    public record RateBand(int upToGrams, io.entrepot.shared.Money price) {
        public RateBand {
            if (upToGrams < 1 || upToGrams > 1_000_000) {
                throw new IllegalArgumentException("a weight band ends between 1 g and 1,000 kg");
            }
            if (price.isNegative()) {
                throw new IllegalArgumentException("a shipping price cannot be negative");
            }
        }
    }

    /** Opens a lane (operators; also used when a new market is opened), through the countries' default checkpoints. */
    @Transactional
    public void open(String originCountry, String market, String carrierService, int transitDaysMin, int transitDaysMax) {
        open(originCountry, market, carrierService, transitDaysMin, transitDaysMax, null, null);
    }

    /**
     * Opens (or reactivates) a lane through the given customs checkpoints; a checkpoint not named is
     * the country's first of its kind, created as "{country} export/import customs" when there is none.
     */
    @Transactional
    public void open(String originCountry, String market, String carrierService, int transitDaysMin, int transitDaysMax,
            @org.jspecify.annotations.Nullable String exportCheckpoint, @org.jspecify.annotations.Nullable String importCheckpoint) {
        String export = checkpoint(exportCheckpoint, originCountry, "export");
        String imports = checkpoint(importCheckpoint, market, "import");
        jdbc.sql("""
                insert into logistics.lane (id, origin_country, destination_market, carrier_service, transit_days_min, transit_days_max,
                    export_checkpoint, import_checkpoint)
                values (gen_random_uuid(), :origin, :market, :service, :min, :max, :export, :import)
                on conflict (origin_country, destination_market, carrier_service) do update
                    set active = true, export_checkpoint = excluded.export_checkpoint, import_checkpoint = excluded.import_checkpoint
                """)
                .param("origin", originCountry).param("market", market).param("service", carrierService)
                .param("min", transitDaysMin).param("max", transitDaysMax).param("export", export).param("import", imports).update();
    }

    private String checkpoint(@org.jspecify.annotations.Nullable String code, String country, String kind) {
        if (code != null) {
            var found = jdbc.sql("select country, kind from logistics.checkpoint where code = :code").param("code", code)
                    .query((rs, n) -> rs.getString("country") + "/" + rs.getString("kind")).optional()
                    .orElseThrow(() -> new io.entrepot.shared.NotFoundException("customs checkpoint", code));
            if (!found.equals(country + "/" + kind)) {
                throw new IllegalArgumentException("checkpoint " + code + " is " + found + ", not an " + kind + " checkpoint in " + country);
            }
            return code;
        }
        return jdbc.sql("select code from logistics.checkpoint where country = :country and kind = :kind order by created_at, code limit 1")
                .param("country", country).param("kind", kind).query(String.class).optional().orElseGet(() -> {
                    String fallback = country + "-" + kind.toUpperCase(java.util.Locale.ROOT);
                    addCheckpoint(fallback, country, kind, country + " " + kind + " customs");
                    return fallback;
                });
    }

    /** Closes a lane: nothing new is quoted or published on it; parcels already on it keep their shipments. */
    @Transactional
    public void close(String originCountry, String market, String carrierService) {
        int closed = jdbc.sql("""
                update logistics.lane set active = false where origin_country = :origin and destination_market = :market and carrier_service = :service
                """).param("origin", originCountry).param("market", market).param("service", carrierService).update();
        if (closed == 0) {
            throw new io.entrepot.shared.NotFoundException("lane", originCountry + "→" + market + " " + carrierService);
        }
    }

    /** A lane as operators manage it: route, checkpoints, transit time, whether it is open, and its rate table. */
    public record LaneDetail(java.util.UUID id, String originCountry, String destinationMarket, String carrierService, int transitDaysMin,
            int transitDaysMax, @org.jspecify.annotations.Nullable String exportCheckpoint, @org.jspecify.annotations.Nullable String importCheckpoint,
            boolean active, List<RateBand> bands) {
    }

    /** Every lane, open ones first, by origin and market. */
    public List<LaneDetail> all() {
        java.util.Map<java.util.UUID, List<RateBand>> bands = new java.util.HashMap<>();
        jdbc.sql("select lane_id, up_to_grams, price_minor, currency from logistics.lane_rate order by lane_id, up_to_grams")
                .query((java.sql.ResultSet rs) -> {
                    bands.computeIfAbsent(rs.getObject("lane_id", java.util.UUID.class), k -> new java.util.ArrayList<>()).add(new RateBand(
                            rs.getInt("up_to_grams"), io.entrepot.shared.Money.ofMinor(rs.getLong("price_minor"), rs.getString("currency"))));
                });
        return jdbc.sql("select * from logistics.lane order by active desc, origin_country, destination_market, carrier_service")
                .query((rs, n) -> {
                    java.util.UUID id = rs.getObject("id", java.util.UUID.class);
                    return new LaneDetail(id, rs.getString("origin_country"), rs.getString("destination_market"), rs.getString("carrier_service"),
                            rs.getInt("transit_days_min"), rs.getInt("transit_days_max"), rs.getString("export_checkpoint"),
                            rs.getString("import_checkpoint"), rs.getBoolean("active"), List.copyOf(bands.getOrDefault(id, List.of())));
                }).list();
    }

    /** A customs checkpoint as operators manage it. */
    public record Checkpoint(String code, String country, String kind, String name) {
    }

    public List<Checkpoint> checkpoints() {
        return jdbc.sql("select code, country, kind, name from logistics.checkpoint order by country, kind, code")
                .query((rs, n) -> new Checkpoint(rs.getString("code"), rs.getString("country"), rs.getString("kind"), rs.getString("name"))).list();
    }

    /** Adds (or renames) a customs checkpoint. */
    @Transactional
    public Checkpoint addCheckpoint(String code, String country, String kind, String name) {
        if (!code.matches("[A-Z0-9-]{3,40}") || !country.matches("[A-Z]{2}") || !List.of("export", "import").contains(kind)
                || name.isBlank() || name.length() > 200) {
            throw new IllegalArgumentException("a checkpoint has a code of 3 to 40 capitals, digits or dashes, a country, a kind (export or import) "
                    + "and a name of 1 to 200 characters");
        }
        int changed = jdbc.sql("""
                insert into logistics.checkpoint (code, country, kind, name) values (:code, :country, :kind, :name)
                on conflict (code) do update set name = excluded.name where checkpoint.country = excluded.country and checkpoint.kind = excluded.kind
                """).param("code", code).param("country", country).param("kind", kind).param("name", name.strip()).update();
        if (changed == 0) {
            throw new io.entrepot.shared.ConflictException("checkpoint-exists", "checkpoint " + code + " exists in another country or of another kind");
        }
        return new Checkpoint(code, country, kind, name.strip());
    }
}
