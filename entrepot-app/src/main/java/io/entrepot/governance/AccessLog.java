package io.entrepot.governance;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.SellerId;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
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
    private final DataSource dataSource;
    private final Clock clock;

    AccessLog(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
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

    /** Every entry in chain order, for the auditor's export. */
    public void streamAll(Consumer<AccessLogEntry> sink) {
        try (var rows = jdbc.sql("select * from governance.access_log order by seq").withFetchSize(10_000).query((rs, n) -> entry(rs)).stream()) {
            rows.forEach(sink);
        }
    }

    /**
     * The verifier's read: every entry in chain order over PostgreSQL's binary protocol (ids, times,
     * numbers and hashes as raw bytes, no text conversions on either side). This thread only reads
     * (it holds the transaction's connection); a second one decodes, hashes and walks, batch by batch,
     * so that reading and hashing overlap. An object-id list whose elements would not come back as
     * they were (a separator inside one, a null) hashes to something else: the entry shows as altered.
     */
    public void verifyAll(AuditVerification.Walk walk) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (var plan = connection.createStatement()) {
            // Walk the primary key in order: the planner, misled by the row-level security filter's selectivity, would
            // otherwise sort the whole table on disk.
            plan.execute("set local enable_sort = off");
            plan.execute("set local enable_seqscan = off");
        } catch (SQLException e) {
            DataSourceUtils.releaseConnection(connection, dataSource);
            throw new IllegalStateException("cannot prepare the access log's verification: " + e.getMessage(), e);
        }
        var batches = new java.util.concurrent.ArrayBlockingQueue<List<byte[][]>>(8);
        List<byte[][]> end = List.of();
        var failure = new java.util.concurrent.atomic.AtomicReference<Throwable>();
        Thread hasher = Thread.ofPlatform().name("access-log-verifier").start(() -> {
            try {
                var digest = AccessLogEntry.sha256();
                for (List<byte[][]> batch = batches.take(); !batch.isEmpty(); batch = batches.take()) {
                    for (byte[][] row : batch) {
                        check(row, digest, walk);
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
                batches.clear();
            }
        });
        try (PreparedStatement statement = connection.prepareStatement("""
                select seq, id, occurred_at, seller_id, actor, grant_id, purpose, reference, operation, cardinality(object_ids),
                       array_to_string(object_ids, chr(31)), prev_hash, hash
                from governance.access_log order by seq""")) {
            statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1); // binary transfer from the first execution
            statement.setFetchSize(20_000);
            try (ResultSet rs = statement.executeQuery()) {
                List<byte[][]> batch = new ArrayList<>(10_000);
                while (rs.next() && failure.get() == null) {
                    byte[][] row = new byte[13][];
                    for (int c = 0; c < 13; c++) {
                        row[c] = rs.getBytes(c + 1);
                    }
                    batch.add(row);
                    if (batch.size() == 10_000) {
                        put(batches, batch, failure);
                        batch = new ArrayList<>(10_000);
                    }
                }
                if (!batch.isEmpty()) {
                    put(batches, batch, failure);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the access log: " + e.getMessage(), e);
        } finally {
            put(batches, end, failure);
            DataSourceUtils.releaseConnection(connection, dataSource);
            try {
                hasher.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failure.get() != null) {
            throw new IllegalStateException("access log verification failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private static void put(java.util.concurrent.BlockingQueue<List<byte[][]>> queue, List<byte[][]> batch,
            java.util.concurrent.atomic.AtomicReference<Throwable> failure) {
        try {
            while (failure.get() == null && !queue.offer(batch, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                // the hasher is behind: wait
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the access log", e);
        }
    }

    /** 2000-01-01T00:00Z, PostgreSQL's epoch for binary times, in microseconds after 1970's. */
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    /** One row as raw binary columns (seq, id, occurred_at, seller, actor, grant, purpose, reference, operation, count, object ids, prev, hash). */
    private static void check(byte[][] row, java.security.MessageDigest digest, AuditVerification.Walk walk) {
        long seq = int64(row[0], "seq");
        String id = uuid(row[1], "id");
        int count = (int) int32(row[9], "cardinality");
        List<byte[]> objectIds = split(row[10] == null ? new byte[0] : row[10], count);
        byte[][] fields = new byte[10 + objectIds.size()][];
        fields[0] = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
        fields[1] = id.getBytes(StandardCharsets.US_ASCII);
        fields[2] = Long.toString(int64(row[2], "occurred_at") + POSTGRES_EPOCH_MICROS).getBytes(StandardCharsets.US_ASCII);
        fields[3] = uuid(row[3], "seller_id").getBytes(StandardCharsets.US_ASCII);
        fields[4] = row[4];
        fields[5] = row[5] == null ? new byte[0] : uuid(row[5], "grant_id").getBytes(StandardCharsets.US_ASCII);
        fields[6] = row[6];
        fields[7] = row[7];
        fields[8] = row[8];
        fields[9] = Integer.toString(objectIds.size()).getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < objectIds.size(); i++) {
            fields[10 + i] = objectIds.get(i);
        }
        digest.update(row[11]);
        digest.update(AccessLogEntry.canonical(fields));
        walk.check(seq, id, row[11], row[12], digest.digest());
    }

    private static long int64(byte[] bytes, String column) {
        if (bytes.length != 8) {
            throw new IllegalStateException(column + " did not come in PostgreSQL's binary format");
        }
        long value = 0;
        for (byte b : bytes) {
            value = value << 8 | (b & 0xff);
        }
        return value;
    }

    private static long int32(byte[] bytes, String column) {
        if (bytes.length != 4) {
            throw new IllegalStateException(column + " did not come in PostgreSQL's binary format");
        }
        return (bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff);
    }

    private static String uuid(byte[] bytes, String column) {
        if (bytes.length != 16) {
            throw new IllegalStateException(column + " did not come in PostgreSQL's binary format");
        }
        long most = 0;
        long least = 0;
        for (int i = 0; i < 8; i++) {
            most = most << 8 | (bytes[i] & 0xff);
            least = least << 8 | (bytes[8 + i] & 0xff);
        }
        return new UUID(most, least).toString();
    }

    /** The object ids joined by the unit separator, split back; when they do not number {@code count}, a list that cannot hash as written. */
    private static List<byte[]> split(byte[] joined, int count) {
        if (count == 0 && joined.length == 0) {
            return List.of();
        }
        List<byte[]> parts = new ArrayList<>(count);
        int from = 0;
        for (int i = 0; i <= joined.length; i++) {
            if (i == joined.length || joined[i] == 0x1f) {
                parts.add(java.util.Arrays.copyOfRange(joined, from, i));
                from = i + 1;
            }
        }
        if (parts.size() != count) {
            byte[] marked = new byte[joined.length + 1];
            marked[0] = 0x1f;
            System.arraycopy(joined, 0, marked, 1, joined.length);
            return List.of(marked);
        }
        return parts;
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
