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

    Lanes(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /** Opens a lane (operators; also used when a new market is opened). */
    @Transactional
    public void open(String originCountry, String market, String carrierService, int transitDaysMin, int transitDaysMax) {
        jdbc.sql("""
                insert into logistics.lane (id, origin_country, destination_market, carrier_service, transit_days_min, transit_days_max)
                values (gen_random_uuid(), :origin, :market, :service, :min, :max)
                on conflict (origin_country, destination_market, carrier_service) do update set active = true
                """)
                .param("origin", originCountry).param("market", market).param("service", carrierService)
                .param("min", transitDaysMin).param("max", transitDaysMax).update();
    }
}
