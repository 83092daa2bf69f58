package io.entrepot.ledger;

import io.entrepot.governance.AccessLog;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.RefusedException;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payouts of sellers' available funds, in their payout currency (the conversion happened at capture,
 * at the recorded rate). A reserve policy per seller holds a percentage back (the hook the risk work
 * drives); amounts below the minimum wait for the next batch. Manual payouts carry an Idempotency-Key;
 * batch payouts derive theirs from the batch. Payouts of one seller are serialized on its account row.
 */
@Service
public class Payouts {

    private final JdbcClient jdbc;
    private final Ledger ledger;
    private final AccessLog accessLog;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final BigDecimal minimum;

    Payouts(JdbcClient jdbc, Ledger ledger, TransactionTemplate tx, Clock clock, AccessLog accessLog,
            @Value("${entrepot.payouts.minimum:10}") BigDecimal minimum) {
        this.accessLog = accessLog;
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.tx = tx;
        this.clock = clock;
        this.minimum = minimum;
    }

    public record Payout(UUID id, @Nullable UUID batchId, UUID sellerId, BigDecimal amount, BigDecimal reserved, String currency, String status,
            Instant createdAt) {
    }

    public record Batch(UUID id, int payouts, List<Payout> paid, Instant createdAt) {
    }

    /** Pays out a seller's available balance in one currency, less its reserve; the same key returns the same payout. */
    public Payout payOut(SellerId seller, CurrencyCode currency, String idempotencyKey) {
        String by = ActorContext.currentName();
        return ActorContext.callAs(Actor.system("payout"), () -> tx.execute(s -> {
            Optional<Payout> existing = byKey(idempotencyKey);
            if (existing.isPresent()) {
                if (!existing.get().sellerId().equals(seller.value()) || !existing.get().currency().equals(currency.code())) {
                    throw new RefusedException(422, "idempotency-key-reused", "Idempotency-Key " + idempotencyKey + " was used for another payout");
                }
                return existing.get();
            }
            return pay(seller, currency, idempotencyKey, null, by)
                    .orElseThrow(() -> new ConflictException("below-minimum", "the available balance after the reserve is below the payout minimum of "
                            + minimum.toPlainString() + " " + currency));
        }));
    }

    /** Pays every seller whose available balance reaches the minimum; a batch run again pays nothing twice. */
    public Batch runBatch() {
        String by = ActorContext.currentName();
        return ActorContext.callAs(Actor.system("payout-batch"), () -> tx.execute(s -> {
            UUID batch = Ids.newId(clock);
            Instant now = clock.instant();
            jdbc.sql("insert into ledger.payout_batch (id, started_by, created_at) values (:id, :by, :now)")
                    .param("id", batch).param("by", by).param("now", Timestamp.from(now)).update();
            List<Payout> paid = new ArrayList<>();
            for (AccountRef account : availableAccounts()) {
                pay(java.util.Objects.requireNonNull(account.sellerId()), account.currency(),
                        "payout-batch:" + batch + ":" + account.sellerId() + ":" + account.currency(), batch, by).ifPresent(paid::add);
            }
            jdbc.sql("update ledger.payout_batch set finished_at = :now, payouts = :count where id = :id")
                    .param("now", Timestamp.from(clock.instant())).param("count", paid.size()).param("id", batch).update();
            return new Batch(batch, paid.size(), paid, now);
        }));
    }

    /** Sets the share of each payout held back for a seller (0 removes the hold). */
    public void setReserve(SellerId seller, BigDecimal pct, String reason) {
        if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a reserve is between 0 and 100 percent");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("a reserve needs a reason of 1 to 500 characters");
        }
        String by = ActorContext.currentName();
        ActorContext.runAs(Actor.system("reserve-policy"), () -> tx.executeWithoutResult(s -> jdbc.sql("""
                insert into ledger.reserve_policy (seller_id, pct, reason, created_by, created_at) values (:seller, :pct, :reason, :by, :now)
                on conflict (seller_id) do update set pct = excluded.pct, reason = excluded.reason, created_by = excluded.created_by,
                    created_at = excluded.created_at
                """).param("seller", seller.value()).param("pct", pct).param("reason", reason.strip()).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update()));
    }

    public BigDecimal reservePct(SellerId seller) {
        return jdbc.sql("select pct from ledger.reserve_policy where seller_id = :seller").param("seller", seller.value())
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    /** Payouts as the current actor may see them (a seller its own; finance all). */
    @org.springframework.transaction.annotation.Transactional(readOnly = true)
    public List<Payout> payouts(@Nullable SellerId seller) {
        return jdbc.sql("select * from ledger.payout where (cast(:seller as uuid) is null or seller_id = :seller) order by created_at desc limit 500")
                .param("seller", seller == null ? null : seller.value()).query(Payouts::row).list();
    }

    private Optional<Payout> pay(SellerId seller, CurrencyCode currency, String key, @Nullable UUID batch, String by) {
        AccountRef available = AccountRef.seller(seller, AccountRef.Kind.PAYABLE_AVAILABLE, currency);
        ledger.lock(available);
        Money owed = ledger.balance(available).negate();
        if (owed.minor() <= 0) {
            return Optional.empty();
        }
        BigDecimal pct = reservePct(seller);
        Money held = owed.percent(pct, RoundingMode.DOWN);
        Money paid = owed.minus(held);
        if (paid.toDecimal().compareTo(minimum) < 0) {
            return Optional.empty();
        }
        UUID id = Ids.newId(clock);
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(available, owed));
        if (!held.isZero()) {
            postings.add(Posting.credit(AccountRef.seller(seller, AccountRef.Kind.RESERVE, currency), held));
        }
        postings.add(Posting.credit(AccountRef.platform(AccountRef.Kind.CASH, currency), paid));
        UUID entry = ledger.post(new JournalEntry("payout " + id + " to seller " + seller + (held.isZero() ? "" : ", " + held + " held in reserve"),
                "payout", id.toString(), "payout:" + key, postings));
        Instant now = clock.instant();
        jdbc.sql("""
                insert into ledger.payout (id, batch_id, seller_id, amount_minor, reserved_minor, currency, status, idempotency_key, entry_id,
                    created_by, created_at)
                values (:id, :batch, :seller, :amount, :reserved, :currency, 'paid', :key, :entry, :by, :now)
                """).param("id", id).param("batch", batch).param("seller", seller.value()).param("amount", paid.minor())
                .param("reserved", held.minor()).param("currency", currency.code()).param("key", key).param("entry", entry).param("by", by)
                .param("now", Timestamp.from(now)).update();
        // a payout reads and moves the seller's balance under the payout purpose: the seller's access log says so
        accessLog.recordSystem(seller, "ledger.payout", List.of("payout:" + id, "entry:" + entry), by);
        return Optional.of(new Payout(id, batch, seller.value(), paid.toDecimal(), held.toDecimal(), currency.code(), "paid", now));
    }

    private List<AccountRef> availableAccounts() {
        return jdbc.sql("select seller_id, currency from ledger.account where owner_type = 'seller' and kind = 'payable_available' order by seller_id, currency")
                .query((rs, n) -> AccountRef.seller(new SellerId(rs.getObject("seller_id", UUID.class)), AccountRef.Kind.PAYABLE_AVAILABLE,
                        CurrencyCode.of(rs.getString("currency"))))
                .list();
    }

    private Optional<Payout> byKey(String key) {
        return jdbc.sql("select * from ledger.payout where idempotency_key = :key").param("key", key).query(Payouts::row).optional();
    }

    private static Payout row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        CurrencyCode c = CurrencyCode.of(rs.getString("currency"));
        return new Payout(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class), rs.getObject("seller_id", UUID.class),
                new Money(rs.getLong("amount_minor"), c).toDecimal(), new Money(rs.getLong("reserved_minor"), c).toDecimal(), c.code(),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }
}
