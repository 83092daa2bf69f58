package io.entrepot.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Money;
import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which commits wait for the disk (decision 0026): a quote's and the sandbox provider's do not; every commit
 * that writes an order, its payment or its journal entry does — and the setting never outlives its transaction.
 */
@IntegrationTest
class CommitDurabilityIntegrationTests {

    private static final List<String> WATCHED = List.of("ordering.quote", "ordering.idempotency_key", "ordering.buyer_order", "ordering.payment",
            "ordering.provider_call", "ledger.journal_entry", "psp_sandbox.request", "psp_sandbox.payment");

    @LocalServerPort
    int port;
    @Autowired
    PaymentProvider provider;
    @Autowired
    Environment environment;

    @Test
    void aQuoteAndTheProvidersBooksCommitWithoutWaitingAndTheOrderItsPaymentAndItsJournalEntryWait() throws SQLException {
        var api = new Api(port);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        var seller = shop.seller("Durable Lamps " + UUID.randomUUID(), "CN", "CNY");
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "40.00", "CNY", 200, 5, 0);
        List<String[]> modes = new ArrayList<>();
        try (Connection owner = owner()) {
            try {
                watch(owner);
                var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer));
                assertThat(quote.status()).isEqualTo(201);
                UUID quoteId = UUID.fromString(quote.json().get("id").asString());
                var order = shop.order("PH", "durable-" + UUID.randomUUID(), quoteId, "tok_visa");
                assertThat(order.status()).isEqualTo(201);
                String orderId = order.json().get("id").asString();
                // every watched row written by the transactions that wrote this quote, this order, its provider call or its journal entry
                try (var statement = owner.prepareStatement("""
                        select tbl, mode from public.test_commit_mode where xact in (
                            select xact from public.test_commit_mode
                            where row ->> 'id' in (?, ?) or row ->> 'idempotency_key' = ? or row ->> 'source_id' = ?)
                        order by seq""")) {
                    statement.setString(1, quoteId.toString());
                    statement.setString(2, orderId);
                    statement.setString(3, "order:" + orderId + ":authorize");
                    statement.setString(4, orderId);
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            modes.add(new String[] {rows.getString(1), rows.getString(2)});
                        }
                    }
                }
            } finally {
                unwatch(owner);
            }
        }
        // by table: rows written by one statement (a payment with its provider call) record in no particular order
        assertThat(modes).extracting(m -> m[0] + ": " + m[1]).containsExactlyInAnyOrder(
                "ordering.quote: off",
                "ordering.idempotency_key: on",
                "ordering.buyer_order: on",
                "ordering.payment: on",
                "ordering.provider_call: on",
                "psp_sandbox.request: off",
                "psp_sandbox.payment: off",
                "ledger.journal_entry: on");
    }

    @Test
    void everyCallToTheSandboxProviderCommitsWithoutWaiting() throws SQLException {
        String run = "durability:" + UUID.randomUUID();
        List<String> modes = new ArrayList<>();
        try (Connection owner = owner()) {
            try {
                watch(owner);
                String ref = provider.authorize(run + ":authorize", "tok_visa", Money.ofMinor(1_000, "PHP")).paymentRef();
                assertThat(provider.capture(run + ":capture", ref, Money.ofMinor(1_000, "PHP")).approved()).isTrue();
                assertThat(provider.refund(run + ":refund", ref, Money.ofMinor(300, "PHP")).approved()).isTrue();
                assertThat(provider.refundAll(List.of(new PaymentProvider.RefundCall(run + ":batch", ref, Money.ofMinor(200, "PHP"))))
                        .getFirst().approved()).isTrue();
                try (var statement = owner.prepareStatement("""
                        select row ->> 'idempotency_key', mode from public.test_commit_mode
                        where tbl = 'psp_sandbox.request' and row ->> 'idempotency_key' like ? order by seq""")) {
                    statement.setString(1, run + ":%");
                    try (var rows = statement.executeQuery()) {
                        while (rows.next()) {
                            modes.add(rows.getString(1).substring(run.length() + 1) + ": " + rows.getString(2));
                        }
                    }
                }
            } finally {
                unwatch(owner);
            }
        }
        assertThat(modes).containsExactly("authorize: off", "capture: off", "refund: off", "batch: off");
    }

    @Test
    void theSettingEndsWithItsTransactionSoTheConnectionsNextCommitWaitsAgain() {
        var connection = new SingleConnectionDataSource(environment.getRequiredProperty("spring.flyway.url"),
                environment.getRequiredProperty("spring.flyway.user"), environment.getRequiredProperty("spring.flyway.password"), true);
        try {
            var jdbc = JdbcClient.create(connection);
            var manager = new DataSourceTransactionManager(connection);
            var tx = new TransactionTemplate(manager);
            var store = new OrderStore(jdbc);
            String inside = tx.execute(s -> {
                Instant now = Instant.now();
                store.insertQuoteWithoutWaitingForTheDisk(UUID.randomUUID(), "PH", "PHP", 1_000, "[]", "{}", now, now.plusSeconds(60));
                s.setRollbackOnly();
                return mode(jdbc);
            });
            assertThat(inside).isEqualTo("off");
            String next = tx.execute(s -> mode(jdbc));
            assertThat(next).as("the next transaction on the same connection").isEqualTo("on");

            var sandbox = new SandboxPaymentProvider(jdbc, manager, Clock.systemUTC());
            String key = "durability:" + UUID.randomUUID();
            assertThat(sandbox.authorize(key, "tok_visa", Money.ofMinor(1_000, "PHP")).approved()).isTrue();
            String afterProvider = tx.execute(s -> mode(jdbc));
            assertThat(afterProvider).as("after the provider's own transaction").isEqualTo("on");
        } finally {
            connection.destroy();
        }
    }

    private static String mode(JdbcClient jdbc) {
        return jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
    }

    /** Records, for every row inserted into a watched table, the commit setting of the transaction that inserted it. */
    private static void watch(Connection owner) throws SQLException {
        unwatch(owner); // what a run killed before its clean-up left behind
        try (var statement = owner.createStatement()) {
            statement.execute("create table public.test_commit_mode (seq bigint generated always as identity, xact bigint, tbl text, row jsonb, mode text)");
            statement.execute("""
                    create function public.test_record_commit_mode() returns trigger language plpgsql security definer as $$
                    begin
                        insert into public.test_commit_mode (xact, tbl, row, mode)
                        values (txid_current(), tg_table_schema || '.' || tg_table_name, to_jsonb(new), current_setting('synchronous_commit'));
                        return new;
                    end $$""");
            for (String table : WATCHED) {
                statement.execute("create trigger test_commit_mode after insert on " + table
                        + " for each row execute function public.test_record_commit_mode()");
            }
        }
    }

    private static void unwatch(Connection owner) throws SQLException {
        try (var statement = owner.createStatement()) {
            for (String table : WATCHED) {
                statement.execute("drop trigger if exists test_commit_mode on " + table);
            }
            statement.execute("drop function if exists public.test_record_commit_mode()");
            statement.execute("drop table if exists public.test_commit_mode");
        }
    }

    private Connection owner() throws SQLException {
        return DriverManager.getConnection(environment.getRequiredProperty("spring.flyway.url"), environment.getRequiredProperty("spring.flyway.user"),
                environment.getRequiredProperty("spring.flyway.password"));
    }
}
