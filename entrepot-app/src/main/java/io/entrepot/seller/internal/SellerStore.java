package io.entrepot.seller.internal;

import io.entrepot.seller.NewSeller;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.SellerStatus;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code seller.seller}, filtered by row-level security. */
@Repository
public class SellerStore {

    private final JdbcClient jdbc;

    SellerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SellerId id, NewSeller seller, SellerStatus status, Instant now) {
        jdbc.sql("""
                insert into seller.seller (id, legal_name, display_name, country, status, created_at)
                values (:id, :legal, :display, :country, :status, :now)
                """)
                .param("id", id.value()).param("legal", seller.legalName()).param("display", seller.displayName())
                .param("country", seller.country()).param("status", status.key()).param("now", Timestamp.from(now))
                .update();
    }

    public Optional<SellerProfile> find(SellerId id) {
        return jdbc.sql("select * from seller.seller where id = :id").param("id", id.value())
                .query((rs, n) -> new SellerProfile(new SellerId(rs.getObject("id", UUID.class)), rs.getString("legal_name"),
                        rs.getString("display_name"), rs.getString("country"), SellerStatus.fromKey(rs.getString("status")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public Map<SellerStatus, Long> countByStatus() {
        Map<SellerStatus, Long> counts = new EnumMap<>(SellerStatus.class);
        for (SellerStatus status : SellerStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from seller.seller group by status")
                .query(rs -> {
                    counts.put(SellerStatus.fromKey(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }
}
