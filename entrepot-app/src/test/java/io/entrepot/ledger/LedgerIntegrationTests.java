package io.entrepot.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.entrepot.ledger.AccountRef.Kind;
import io.entrepot.ledger.AccountRef.OwnerType;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import io.entrepot.support.IntegrationTest;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The ledger's promises, against PostgreSQL: balanced entries, append-only rows, idempotent posting. */
@IntegrationTest
class LedgerIntegrationTests {

    private static final Actor SYSTEM = Actor.system("ledger-test");

    @Autowired
    Ledger ledger;
    @Autowired
    DataSource appRole;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void aSaleSplitsTheBuyersMoneyBetweenSellerPlatformAndTaxAuthority() {
        SellerId seller = new SellerId(UUID.randomUUID());
        CurrencyCode jpy = CurrencyCode.of("JPY");
        var sale = sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(10_000, "JPY"), 1_000, 500);
        UUID id = as(() -> ledger.post(sale));
        assertThat(as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_PENDING, jpy)))).isEqualTo(Money.ofMinor(-8_500, "JPY"));
        assertThat(as(() -> ledger.post(sale))).as("the same entry again is the first one").isEqualTo(id);
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    @Test
    void aDifferentEntryUnderAUsedKeyIsAConflict() {
        SellerId seller = new SellerId(UUID.randomUUID());
        String order = "order-" + UUID.randomUUID();
        as(() -> ledger.post(sale(seller, order, Money.ofMinor(10_000, "JPY"), 1_000, 500)));
        assertThatThrownBy(() -> as(() -> ledger.post(sale(seller, order, Money.ofMinor(12_000, "JPY"), 1_000, 500))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("different journal entry");
    }

    @Test
    void postingManyAtOnceBooksWhatPostingOneByOneWouldAndKeepsTheirKeys() {
        SellerId seller = new SellerId(UUID.randomUUID());
        SellerId other = new SellerId(UUID.randomUUID());
        CurrencyCode jpy = CurrencyCode.of("JPY");
        CurrencyCode kwd = CurrencyCode.of("KWD");
        String first = "order-" + UUID.randomUUID();
        UUID posted = as(() -> ledger.post(sale(seller, first, Money.ofMinor(10_000, "JPY"), 1_000, 500)));
        List<JournalEntry> batch = List.of(sale(seller, first, Money.ofMinor(10_000, "JPY"), 1_000, 500),
                sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(2_000, "JPY"), 200, 0),
                sale(other, "order-" + UUID.randomUUID(), Money.ofMinor(1_234, "KWD"), 123, 0),
                sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(3_000, "JPY"), 0, 300));
        long entriesBefore = as(() -> ledger.entries());
        List<UUID> ids = as(() -> ledger.postAll(batch));
        assertThat(ids).hasSize(4).doesNotHaveDuplicates();
        assertThat(ids.getFirst()).as("an entry posted before under the same key is that entry").isEqualTo(posted);
        assertThat(as(() -> ledger.entries())).isEqualTo(entriesBefore + 3);
        assertThat(as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_PENDING, jpy)))).isEqualTo(Money.ofMinor(-(8_500 + 1_800 + 2_700), "JPY"));
        assertThat(as(() -> ledger.balance(AccountRef.seller(other, Kind.PAYABLE_PENDING, kwd)))).isEqualTo(Money.ofMinor(-1_111, "KWD"));
        assertThat(as(() -> ledger.postAll(batch))).as("the same batch again posts nothing").isEqualTo(ids);
        assertThat(as(() -> ledger.entries())).isEqualTo(entriesBefore + 3);
        assertThat(as(() -> ledger.verify())).isEmpty();

        String twice = "order-" + UUID.randomUUID();
        assertThatThrownBy(() -> as(() -> ledger.postAll(List.of(sale(seller, twice, Money.ofMinor(100, "JPY"), 0, 0),
                sale(seller, twice, Money.ofMinor(200, "JPY"), 0, 0))))).isInstanceOf(ConflictException.class).hasMessageContaining("twice in one batch");
        assertThatThrownBy(() -> as(() -> ledger.postAll(List.of(sale(seller, first, Money.ofMinor(12_000, "JPY"), 1_000, 500)))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("different journal entry");
        assertThat(as(() -> ledger.entries())).as("a refused batch writes nothing").isEqualTo(entriesBefore + 3);
    }

    @Test
    void anEntryThatDoesNotBalanceCannotBeCommittedEvenBehindTheApplicationsBack() {
        SellerId seller = new SellerId(UUID.randomUUID());
        UUID entry = as(() -> ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(500, "EUR"), 50, 0)));
        assertThatThrownBy(() -> ActorContext.runAs(SYSTEM, () -> transactions.executeWithoutResult(tx -> {
            UUID lopsided = UUID.randomUUID();
            jdbc.sql("insert into ledger.journal_entry (id, description, source_type, source_id, idempotency_key, created_at) "
                    + "values (:id, 'lopsided', 'test', 'x', :key, now())").param("id", lopsided).param("key", "lopsided-" + lopsided).update();
            jdbc.sql("insert into ledger.posting (id, entry_id, account_id, seller_id, amount_minor, currency, created_at) "
                    + "select :id, :entry, id, seller_id, 100, currency, now() from ledger.account where id = (select account_id from ledger.posting where entry_id = :original order by amount_minor desc limit 1)")
                    .param("id", UUID.randomUUID()).param("entry", lopsided).param("original", entry).update();
        }))).rootCause().hasMessageContaining("does not balance");
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    @Test
    void aPostingMustNameAnExistingEntryAndAccountEvenBehindTheApplicationsBack() {
        SellerId seller = new SellerId(UUID.randomUUID());
        UUID entry = as(() -> ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(700, "EUR"), 70, 0)));
        UUID account = inTransaction(() -> jdbc.sql("select account_id from ledger.posting where entry_id = :entry limit 1").param("entry", entry).query(UUID.class).single());
        String insert = "insert into ledger.posting (id, entry_id, account_id, seller_id, amount_minor, currency, created_at) "
                + "values (:id, :entry, :account, null, 5, 'EUR', now()), (:id2, :entry, :account, null, -5, 'EUR', now())";
        assertThatThrownBy(() -> inTransaction(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("id2", UUID.randomUUID()).param("entry", UUID.randomUUID())
                .param("account", account).update())).rootCause().hasMessageContaining("names no journal entry");
        assertThatThrownBy(() -> inTransaction(() -> jdbc.sql(insert).param("id", UUID.randomUUID()).param("id2", UUID.randomUUID()).param("entry", entry)
                .param("account", UUID.randomUUID()).update())).rootCause().hasMessageContaining("names no account");
        UUID platformEuros = inTransaction(() -> jdbc.sql("""
                select a.id from ledger.posting p join ledger.account a on a.id = p.account_id
                where p.entry_id = :entry and a.currency = 'EUR' and a.seller_id is null limit 1
                """).param("entry", entry).query(UUID.class).single());
        assertThatThrownBy(() -> inTransaction(() -> jdbc.sql(insert.replace("'EUR'", "'USD'")).param("id", UUID.randomUUID()).param("id2", UUID.randomUUID())
                .param("entry", entry).param("account", platformEuros).update())).rootCause().hasMessageContaining("posting in USD to an account kept in EUR");
        assertThatThrownBy(() -> inTransaction(() -> jdbc.sql(insert.replace("null, 5", ":seller, 5").replace("null, -5", ":seller, -5")).param("id", UUID.randomUUID())
                .param("id2", UUID.randomUUID()).param("entry", entry).param("account", platformEuros).param("seller", seller.value()).update()))
                .rootCause().hasMessageContaining("names seller " + seller.value() + " but the account belongs to");
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    @Test
    void postedRowsCannotBeChangedOrDeletedByTheAppRole() throws SQLException {
        SellerId seller = new SellerId(UUID.randomUUID());
        UUID entry = as(() -> ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(2_000, "USD"), 200, 100)));
        for (String sql : List.of("update ledger.posting set amount_minor = amount_minor + 1 where entry_id = '" + entry + "'",
                "delete from ledger.posting where entry_id = '" + entry + "'",
                "update ledger.journal_entry set description = 'edited' where id = '" + entry + "'",
                "delete from ledger.journal_entry where id = '" + entry + "'")) {
            try (var connection = appRole.getConnection(); var statement = connection.createStatement()) {
                statement.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'attack', false)");
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).isInstanceOf(SQLException.class)
                        .hasMessageContaining("permission denied");
                // the pool's connection goes back without the session-wide actor, which would let later reads outside a transaction see every row
                statement.execute("reset entrepot.actor_kind; reset entrepot.system_purpose");
            }
        }
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    @Test
    void aReversalUndoesAnEntryWithoutTouchingIt() {
        SellerId seller = new SellerId(UUID.randomUUID());
        UUID entry = as(() -> ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(1_234, "KWD"), 123, 0)));
        UUID reversal = as(() -> ledger.reverse(entry, "reverse-" + entry, "order cancelled"));
        assertThat(as(() -> ledger.reverse(entry, "reverse-" + entry, "order cancelled"))).isEqualTo(reversal);
        assertThat(as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_PENDING, CurrencyCode.of("KWD"))))).isEqualTo(Money.ofMinor(0, "KWD"));
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    /**
     * Random sequences of capture, partial refund, fee, FX conversion and payout in JPY, EUR, KWD and
     * IDR: after every step the ledger verifies, refunds never exceed what was captured, the seller's
     * available balance never goes below zero, and each balance is the fold of its postings.
     */
    @Test
    void everyInvariantHoldsAfterEveryStepOfRandomMoneyFlows() {
        List<CurrencyCode> currencies = List.of("JPY", "EUR", "KWD", "IDR").stream().map(CurrencyCode::of).toList();
        qt().withExamples(12).withShrinkCycles(0)
                .forAll(lists().of(integers().between(0, 4_999)).ofSizeBetween(3, 10), integers().between(0, 3))
                .checkAssert((steps, c) -> {
                    CurrencyCode currency = currencies.get(c);
                    CurrencyCode payout = CurrencyCode.of("CNY");
                    SellerId seller = new SellerId(UUID.randomUUID());
                    var model = new Model();
                    int n = 0;
                    for (int step : steps) {
                        String key = seller + "-" + (n++);
                        long amount = 100 + step * 37L;
                        JournalEntry entry = switch (step % 5) {
                            case 0 -> {
                                model.captured += amount;
                                model.pending += amount - amount / 10;
                                yield sale(seller, key, new Money(amount, currency), amount / 10, 0);
                            }
                            case 1 -> {
                                long refund = Math.min(amount, model.pending);
                                if (refund == 0) {
                                    yield null;
                                }
                                model.refunded += refund;
                                model.pending -= refund;
                                yield new JournalEntry("refund", "refund", key, key, List.of(
                                        Posting.debit(AccountRef.seller(seller, Kind.PAYABLE_PENDING, currency), new Money(refund, currency)),
                                        Posting.credit(AccountRef.of(OwnerType.PAYMENT_PROVIDER, "sandbox", Kind.CLEARING, currency), new Money(refund, currency))));
                            }
                            case 2 -> {
                                long release = model.pending;
                                if (release == 0) {
                                    yield null;
                                }
                                model.pending = 0;
                                model.available += release;
                                yield new JournalEntry("release after return window", "release", key, key, List.of(
                                        Posting.debit(AccountRef.seller(seller, Kind.PAYABLE_PENDING, currency), new Money(release, currency)),
                                        Posting.credit(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, currency), new Money(release, currency))));
                            }
                            case 3 -> {
                                long converted = model.available;
                                if (converted == 0) {
                                    yield null;
                                }
                                model.available = 0;
                                long cny = Math.max(1, converted / 3);
                                model.availableCny += cny;
                                yield new JournalEntry("FX to payout currency at a recorded rate", "fx", key, key, List.of(
                                        Posting.debit(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, currency), new Money(converted, currency)),
                                        Posting.credit(AccountRef.platform(Kind.FX_CONVERSION, currency), new Money(converted, currency)),
                                        Posting.debit(AccountRef.platform(Kind.FX_CONVERSION, payout), new Money(cny, payout)),
                                        Posting.credit(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, payout), new Money(cny, payout))));
                            }
                            default -> {
                                long paid = Math.min(amount, model.availableCny);
                                if (paid == 0) {
                                    yield null;
                                }
                                model.availableCny -= paid;
                                yield new JournalEntry("payout", "payout", key, key, List.of(
                                        Posting.debit(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, payout), new Money(paid, payout)),
                                        Posting.credit(AccountRef.platform(Kind.CASH, payout), new Money(paid, payout))));
                            }
                        };
                        if (entry == null) {
                            continue;
                        }
                        as(() -> ledger.post(entry));
                        assertThat(model.refunded).isLessThanOrEqualTo(model.captured);
                        assertThat(as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_PENDING, currency))).minor())
                                .isEqualTo(-model.pending);
                        assertThat(-as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, currency))).minor())
                                .isEqualTo(model.available).isNotNegative();
                        assertThat(-as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, payout))).minor())
                                .isEqualTo(model.availableCny).isNotNegative();
                    }
                    assertThat(as(() -> ledger.verify())).isEmpty();
                });
    }

    private static final class Model {
        long captured;
        long refunded;
        long pending;
        long available;
        long availableCny;
    }

    @Test
    void theAccountsOfACommittedPostingAreNotLookedUpAgainAndThoseOfARolledBackOneAre() {
        SellerId seller = new SellerId(UUID.randomUUID());
        // the seller's account is created, then rolled back with the posting: its id must not be kept
        as(() -> transactions.execute(status -> {
            ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(10_000, "JPY"), 1_000, 500));
            status.setRollbackOnly();
            return null;
        }));
        long afterRollback = inTransaction(() -> {
            long before = accountLookups();
            ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(10_000, "JPY"), 1_000, 500));
            return accountLookups() - before;
        });
        assertThat(afterRollback).as("the account rolled back is looked up (and created) again").isPositive();
        long afterCommit = inTransaction(() -> {
            long before = accountLookups();
            ledger.post(sale(seller, "order-" + UUID.randomUUID(), Money.ofMinor(20_000, "JPY"), 2_000, 1_000));
            return accountLookups() - before;
        });
        assertThat(afterCommit).as("every account of the entry is known from a committed posting").isZero();
        assertThat(as(() -> ledger.balance(AccountRef.seller(seller, Kind.PAYABLE_PENDING, CurrencyCode.of("JPY")))))
                .isEqualTo(Money.ofMinor(-(8_500 + 17_000), "JPY"));
        assertThat(as(() -> ledger.verify())).isEmpty();
    }

    /**
     * Look-ups of accounts by owner, kind and currency by this connection not yet reported to the statistics (they
     * are reported when it is idle, so the difference of two readings in one transaction is that transaction's).
     */
    private long accountLookups() {
        return jdbc.sql("""
                select coalesce(sum(pg_stat_get_xact_numscans(indexrelid)), 0) from pg_index
                where indrelid = 'ledger.account'::regclass and not indisprimary
                """).query(Long.class).single();
    }

    /** Buyer pays through the provider; the seller is owed the rest after commission and tax. */
    static JournalEntry sale(SellerId seller, String order, Money paid, long commission, long tax) {
        CurrencyCode c = paid.currency();
        var postings = new java.util.ArrayList<Posting>();
        postings.add(Posting.debit(AccountRef.of(OwnerType.PAYMENT_PROVIDER, "sandbox", Kind.CLEARING, c), paid));
        postings.add(Posting.credit(AccountRef.seller(seller, Kind.PAYABLE_PENDING, c), new Money(paid.minor() - commission - tax, c)));
        if (commission > 0) {
            postings.add(Posting.credit(AccountRef.platform(Kind.REVENUE, c), new Money(commission, c)));
        }
        if (tax > 0) {
            postings.add(Posting.credit(AccountRef.of(OwnerType.TAX_AUTHORITY, "JP", Kind.TAX_PAYABLE, c), new Money(tax, c)));
        }
        return new JournalEntry("sale " + order, "order", order, order, postings);
    }

    private <T> T as(java.util.function.Supplier<T> work) {
        return ActorContext.callAs(SYSTEM, work);
    }

    /** As the system inside a transaction, where the actor is set for row-level security (outside one it is not). */
    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        return as(() -> transactions.execute(status -> work.get()));
    }
}
