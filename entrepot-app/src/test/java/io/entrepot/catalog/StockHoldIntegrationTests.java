package io.entrepot.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Holding an order's stock in one call (V61): every line or none. */
@IntegrationTest
class StockHoldIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Inventory inventory;

    @Test
    void aHoldThatCannotServeEveryLineGivesBackWhatItTookAndWritesNothing() {
        Api api = new Api(port);
        Shop shop = new Shop(api);
        Fixtures.freshRates(api);
        var seller = shop.seller("Hold Lamps " + UUID.randomUUID(), "CN", "CNY");
        UUID plenty = sku(shop.liveOffer(seller, "PH", "lighting", "40.00", "CNY", 200, 5, 0));
        UUID scarce = sku(shop.liveOffer(seller, "PH", "lighting", "30.00", "CNY", 200, 1, 0));
        // the lines are taken in SKU order: the one that fails comes after one that was served
        assertThat(plenty).isLessThan(scarce);
        UUID order = UUID.randomUUID();
        Instant until = Instant.now().plus(Duration.ofMinutes(5));
        ActorContext.runAs(Actor.system("test-hold"), () -> tx.executeWithoutResult(s -> {
            assertThatThrownBy(() -> inventory.hold(List.of(hold(order, scarce, 2), hold(order, plenty, 2)), until))
                    .isInstanceOf(ConflictException.class).hasMessageContaining(scarce.toString());
            // the transaction goes on (as a placement whose hold lapsed does) with nothing of the failed hold in it
            assertThat(available(plenty)).isEqualTo(5);
            assertThat(available(scarce)).isEqualTo(1);
            assertThat(reservations(order)).isZero();
            inventory.hold(List.of(hold(order, scarce, 1), hold(order, plenty, 2)), until);
        }));
        assertThat(available(plenty)).isEqualTo(3);
        assertThat(available(scarce)).isZero();
        assertThat(reservations(order)).isEqualTo(2);
        assertThat(new SystemSql(jdbc, tx).number("select count(*) from catalog.hold h join catalog.reservation r on r.id = h.reservation_id"
                + " where r.order_ref = '" + order + "' and h.expires_at = r.expires_at")).isEqualTo(2);
    }

    private static Inventory.Hold hold(UUID order, UUID sku, int quantity) {
        return new Inventory.Hold(order, new Inventory.StockRequest(sku, quantity));
    }

    private UUID sku(UUID offer) {
        return UUID.fromString(new SystemSql(jdbc, tx).text("select sku_id::text from catalog.offer_price where offer_id = '" + offer + "'"));
    }

    /** Read as the platform's system actor, in the test's transaction when there is one. */
    private long available(UUID sku) {
        return new SystemSql(jdbc, tx).number("select coalesce(sum(available), 0) from catalog.stock where sku_id = '" + sku + "'");
    }

    private long reservations(UUID order) {
        return new SystemSql(jdbc, tx).number("select count(*) from catalog.reservation where order_ref = '" + order + "' and state = 'held'");
    }
}
