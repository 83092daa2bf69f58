package io.entrepot.governance;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.SellerId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The hash-chained access log. {@link #append} adds entries in the caller's transaction, so an entry
 * exists exactly when the access it records committed; appends are serialised on the chain's head row
 * for the rest of that transaction, which is why callers append after their reads, just before commit.
 */
@Service
public class AccessLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What one access did to one seller's data. */
    public record Access(SellerId seller, String operation, List<String> objectIds) {
        public Access {
            objectIds = List.copyOf(objectIds);
        }

        public static Access of(SellerId seller, String operation, Collection<?> objectIds) {
            return new Access(seller, operation, objectIds.stream().map(String::valueOf).toList());
        }
    }

    /**
     * Records accesses under the current system purpose (the actor must be the system, inside a
     * transaction); {@code initiator} names the person who set the job going, when one did.
     */
    public void recordSystem(Collection<Access> accesses, @Nullable String initiator) {
        if (!(ActorContext.current() instanceof Actor.System system)) {
            throw new IllegalStateException("only the system records accesses under a system purpose");
        }
        append(initiator == null ? ActorContext.currentName() : ActorContext.currentName() + " for " + initiator, null,
                "system:" + system.purpose(), "", accesses);
    }

    public void recordSystem(SellerId seller, String operation, Collection<?> objectIds, @Nullable String initiator) {
        recordSystem(List.of(Access.of(seller, operation, objectIds)), initiator);
    }

    /** Records an access under an operator's grant. */
    void recordGranted(AccessGrants.Grant grant, String operation, Collection<?> objectIds) {
        append(ActorContext.currentName() + " [" + rolesOf(ActorContext.current()) + "]", grant.id(), grant.purpose().key(), grant.reference(),
                List.of(Access.of(grant.seller(), operation, objectIds)));
    }

    private static String rolesOf(Actor actor) {
        return actor instanceof Actor.Operator operator
                ? String.join(",", operator.roles().stream().map(io.entrepot.shared.OperatorRole::key).sorted().toList())
                : actor.kind();
    }

    private void append(String actor, @Nullable UUID grantId, String purpose, String reference, Collection<Access> accesses) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("the access log is written in the transaction of the access it records");
        }
        if (accesses.isEmpty()) {
            return;
        }
        record Head(long seq, byte[] hash) {
        }
        Head head = jdbc.sql("select seq, hash from governance.access_log_head for update")
                .query((rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash"))).single();
        long seq = head.seq();
        byte[] prev = head.hash();
        Instant now = clock.instant();
        for (Access access : accesses) {
            seq++;
            var entry = AccessLogEntry.next(seq, Ids.newId(clock), now, access.seller().value(), actor, grantId, purpose, reference,
                    access.operation(), access.objectIds(), prev);
            jdbc.sql("""
                    insert into governance.access_log (seq, id, occurred_at, seller_id, actor, grant_id, purpose, reference, operation, object_ids,
                                                       prev_hash, hash)
                    values (:seq, :id, :at, :seller, :actor, :grant, :purpose, :reference, :operation, :ids, :prev, :hash)
                    """)
                    .param("seq", entry.seq()).param("id", entry.id()).param("at", Timestamp.from(entry.occurredAt()))
                    .param("seller", entry.sellerId()).param("actor", entry.actor()).param("grant", entry.grantId())
                    .param("purpose", entry.purpose()).param("reference", entry.reference()).param("operation", entry.operation())
                    .param("ids", entry.objectIds().toArray(String[]::new)).param("prev", entry.prevHash()).param("hash", entry.hash())
                    .update();
            prev = entry.hash();
        }
        jdbc.sql("update governance.access_log_head set seq = :seq, hash = :hash").param("seq", seq).param("hash", prev).update();
    }

    /** A filter over one seller's log: every part optional; {@code q} searches actor, purpose, reference, operation and object ids. */
    public record Filter(@Nullable Instant from, @Nullable Instant to, @Nullable String purpose, @Nullable String q, int limit) {
    }

    /** The acting seller's own entries, newest first (row-level security keeps to the seller's rows). */
    public List<AccessLogEntry> ofSeller(SellerId seller, Filter filter) {
        List<AccessLogEntry> entries = new ArrayList<>();
        query(seller, filter, entries::add);
        return entries;
    }

    public void streamOfSeller(SellerId seller, Filter filter, Consumer<AccessLogEntry> sink) {
        query(seller, filter, sink);
    }

    private void query(SellerId seller, Filter filter, Consumer<AccessLogEntry> sink) {
        String q = filter.q() == null || filter.q().isBlank() ? null : "%" + filter.q().strip().toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        var query = jdbc.sql("""
                        select * from governance.access_log
                        where seller_id = :seller
                          and (cast(:from as timestamptz) is null or occurred_at >= :from)
                          and (cast(:to as timestamptz) is null or occurred_at < :to)
                          and (cast(:purpose as text) is null or purpose = :purpose)
                          and (cast(:q as text) is null or lower(actor) like :q or lower(purpose) like :q or lower(reference) like :q
                               or lower(operation) like :q or exists (select 1 from unnest(object_ids) o where lower(o) like :q))
                        order by seq desc
                        limit :limit
                        """)
                .param("seller", seller.value()).param("from", filter.from() == null ? null : Timestamp.from(filter.from()))
                .param("to", filter.to() == null ? null : Timestamp.from(filter.to())).param("purpose", filter.purpose()).param("q", q)
                .param("limit", filter.limit())
                .query((rs, n) -> entry(rs));
        try (var rows = query.stream()) {
            rows.forEach(sink);
        }
    }

    /** One line of a monthly transparency summary: who looked at the seller's data, under which purpose, how often. */
    public record SummaryLine(String actor, String purpose, long accesses, long grants, Instant first, Instant last) {
    }

    public record Summary(String month, long accesses, List<SummaryLine> lines) {
    }

    /** The seller's transparency summary of one calendar month (UTC). */
    public Summary summary(SellerId seller, java.time.YearMonth month) {
        Instant from = month.atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        List<SummaryLine> lines = jdbc.sql("""
                        select actor, purpose, count(*) as accesses, count(distinct grant_id) as grants, min(occurred_at) as first,
                               max(occurred_at) as last
                        from governance.access_log
                        where seller_id = :seller and occurred_at >= :from and occurred_at < :to
                        group by actor, purpose
                        order by count(*) desc, actor, purpose
                        """)
                .param("seller", seller.value()).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query((rs, n) -> new SummaryLine(rs.getString("actor"), rs.getString("purpose"), rs.getLong("accesses"), rs.getLong("grants"),
                        rs.getTimestamp("first").toInstant(), rs.getTimestamp("last").toInstant()))
                .list();
        return new Summary(month.toString(), lines.stream().mapToLong(SummaryLine::accesses).sum(), lines);
    }

    /** Every entry in chain order, for the verifier and the auditor's export. */
    public void streamAll(Consumer<AccessLogEntry> sink) {
        try (var rows = jdbc.sql("select * from governance.access_log order by seq").withFetchSize(10_000).query((rs, n) -> entry(rs)).stream()) {
            rows.forEach(sink);
        }
    }

    /** The head pointer: sequence number and hash of the last entry appended. */
    public Map.Entry<Long, byte[]> head() {
        return jdbc.sql("select seq, hash from governance.access_log_head").query((rs, n) -> Map.entry(rs.getLong("seq"), rs.getBytes("hash")))
                .single();
    }

    static AccessLogEntry entry(ResultSet rs) throws SQLException {
        Array ids = rs.getArray("object_ids");
        String[] objectIds = (String[]) ids.getArray();
        return new AccessLogEntry(rs.getLong("seq"), rs.getObject("id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                rs.getObject("seller_id", UUID.class), rs.getString("actor"), rs.getObject("grant_id", UUID.class), rs.getString("purpose"),
                rs.getString("reference"), rs.getString("operation"), List.of(objectIds), rs.getBytes("prev_hash"), rs.getBytes("hash"));
    }
}
