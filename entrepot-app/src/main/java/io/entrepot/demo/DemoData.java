package io.entrepot.demo;

import io.entrepot.identity.Identity;
import io.entrepot.identity.NewAccount;
import io.entrepot.seller.NewSeller;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo operator staff, sellers and buyer listed in the README, once per database: the first
 * node to claim the seed row writes it, in the same transaction, and every later start skips it.
 */
@Component
@Order(100)
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "entrepot-demo";
    private static final Log log = LogFactory.getLog(DemoData.class);

    private final Identity identity;
    private final Sellers sellers;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final boolean commandMode;

    DemoData(Identity identity, Sellers sellers, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
            org.springframework.core.env.Environment environment) {
        this.identity = identity;
        this.sellers = sellers;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.commandMode = environment.getProperty("entrepot.command.active", Boolean.class, false);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (commandMode) {
            return;
        }
        boolean seeded = ActorContext.callAs(Actor.system("demo-seed"), () -> transactions.execute(tx -> seed()));
        if (seeded) {
            log.info("Demo data written; sign in as admin@entrepot.example with password " + PASSWORD);
        }
    }

    private boolean seed() {
        int claimed = jdbc.sql("insert into demo.seed (name, created_at) values ('core', :now) on conflict do nothing")
                .param("now", Timestamp.from(clock.instant())).update();
        if (claimed == 0) {
            return false;
        }
        staff("admin@entrepot.example", "Ada Admin", OperatorRole.ADMIN);
        staff("trust@entrepot.example", "Tomás Trust", OperatorRole.TRUST_SAFETY);
        ref("finance", staff("finance@entrepot.example", "Fatima Finance", OperatorRole.FINANCE));
        staff("logistics@entrepot.example", "Lin Logistics", OperatorRole.LOGISTICS);
        ref("support", staff("support@entrepot.example", "Sam Support", OperatorRole.SUPPORT));
        ref("compliance", staff("compliance@entrepot.example", "Chidi Compliance", OperatorRole.COMPLIANCE));
        staff("auditor@entrepot.example", "Aiko Auditor", OperatorRole.AUDITOR);
        staff("retail@entrepot.example", "Rosa Retail", OperatorRole.FIRST_PARTY_RETAIL);

        SellerId lumen = sellers.register(new NewSeller("Shenzhen Lumen Trading Co., Ltd.", "Lumen Home", "CN", "91440300MA5LUMEN1", "Shenzhen",
                io.entrepot.shared.CurrencyCode.of("CNY"), java.util.List.of(new io.entrepot.seller.NewWarehouse("Shenzhen DC",
                        io.entrepot.seller.WarehouseKind.ORIGIN, "CN"))), SellerStatus.ACTIVE);
        SellerId silk = sellers.register(new NewSeller("Hanoi Silk House JSC", "Hanoi Silk House", "VN", "0109998877", null,
                io.entrepot.shared.CurrencyCode.of("USD"), java.util.List.of(new io.entrepot.seller.NewWarehouse("Hanoi DC",
                        io.entrepot.seller.WarehouseKind.ORIGIN, "VN"))), SellerStatus.ACTIVE);
        sellers.register(new NewSeller("Yiwu Bright Goods Co., Ltd.", "Bright Goods", "CN"), SellerStatus.PENDING_REVIEW);
        identity.createAccount(NewAccount.seller("seller@lumen.example", PASSWORD, "Li Wei (Lumen Home)", lumen));
        identity.createAccount(NewAccount.seller("seller@silk.example", PASSWORD, "Nguyen Thi Mai (Hanoi Silk House)", silk));
        java.util.UUID buyer = identity.createAccount(NewAccount.buyer("buyer@entrepot.example", PASSWORD, "Bea Buyer"));
        ref("lumen", lumen.value());
        ref("silk", silk.value());
        ref("buyer", buyer);
        return true;
    }

    private void ref(String name, java.util.UUID id) {
        jdbc.sql("insert into demo.ref (name, id, created_at) values (:name, :id, :now)").param("name", name).param("id", id)
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private java.util.UUID staff(String email, String name, OperatorRole role) {
        return identity.createAccount(NewAccount.operator(email, PASSWORD, name, Set.of(role)));
    }
}
