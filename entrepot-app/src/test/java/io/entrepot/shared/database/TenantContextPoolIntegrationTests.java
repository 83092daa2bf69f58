package io.entrepot.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * RELIABILITY scenario 13: a pool of two connections, 10,000 interleaved transactions of two sellers,
 * a fifth of them failing half-way: no transaction ever sees the other seller's rows, and no connection
 * carries a tenant into the next transaction or into work outside one.
 */
@IntegrationTest
class TenantContextPoolIntegrationTests {

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password}")
    String password;

    @Test
    void tenantContextNeverCarriesOverOnASmallPool() throws Exception {
        var api = new Api(port);
        SellerId a = new SellerId(api.newSeller("Pool A"));
        SellerId b = new SellerId(api.newSeller("Pool B"));
        api.newSellerKey(a.value());
        api.newSellerKey(b.value());

        var config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(2);
        try (var pool = new HikariDataSource(config)) {
            var transactions = new TransactionTemplate(new ActorAwareTransactionManager(pool, new io.entrepot.shared.ReferenceData()));
            var jdbc = JdbcClient.create(pool);
            ExecutorService workers = Executors.newFixedThreadPool(6);
            AtomicInteger leaks = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicInteger seen = new AtomicInteger();
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                final int n = i;
                done.add(workers.submit(() -> {
                    SellerId me = n % 2 == 0 ? a : b;
                    Actor actor = new Actor.Seller(UUID.randomUUID(), me);
                    try {
                        ActorContext.runAs(actor, () -> transactions.executeWithoutResult(tx -> {
                            List<UUID> owners = jdbc.sql("select seller_id from identity.api_key").query(UUID.class).list();
                            if (owners.isEmpty() || owners.stream().anyMatch(o -> !o.equals(me.value()))) {
                                leaks.incrementAndGet();
                            }
                            seen.incrementAndGet();
                            if (n % 5 == 0) {
                                throw new IllegalStateException("failure half-way through");
                            }
                        }));
                    } catch (IllegalStateException expected) {
                        failures.incrementAndGet();
                    }
                    // Outside any transaction the connection must carry no tenant at all.
                    if (!jdbc.sql("select seller_id from identity.api_key").query(UUID.class).list().isEmpty()) {
                        leaks.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            workers.shutdown();
            assertThat(seen.get()).isEqualTo(10_000);
            assertThat(failures.get()).isEqualTo(2_000);
            assertThat(leaks.get()).as("transactions that saw another tenant, or none, or a tenant outside a transaction").isZero();
        }
    }
}
