package io.entrepot.ledger;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessScope;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A seller's monthly statement per currency, read from the ledger's own postings: opening balances,
 * every movement of the month (amounts owed to the seller are positive) and closing balances. It
 * reconciles with the ledger by construction: opening + movements = closing = the balance at month end.
 * Months are calendar months in UTC.
 */
@Service
@Transactional(readOnly = true)
public class Statements {

    private final JdbcClient jdbc;
    private final AccessGrants grants;

    Statements(JdbcClient jdbc, AccessGrants grants) {
        this.jdbc = jdbc;
        this.grants = grants;
    }

    /**
     * A seller's statement as operator staff read it: only under the acting operator's live grant of
     * scope {@code ledger} on that seller (403 without), and written into the seller's access log with
     * the statement and the journal entries it shows. (Read-write: the log entry is written in the read's
     * transaction.)
     */
    @Transactional
    public Statement ofUnderGrant(SellerId seller, YearMonth month, CurrencyCode currency) {
        return grants.read(seller, AccessScope.LEDGER, "ledger.statement", () -> of(seller, month, currency),
                statement -> java.util.stream.Stream.concat(java.util.stream.Stream.of("statement:" + month + ":" + currency.code()),
                        statement.lines().stream().map(line -> "entry:" + line.entryId()).distinct()).toList());
    }

    public record Line(Instant at, UUID entryId, String sourceType, String sourceId, String description, String account, BigDecimal amount) {
    }

    public record Balances(BigDecimal pending, BigDecimal available, BigDecimal reserve) {
    }

    public record Statement(UUID sellerId, String month, String currency, Balances opening, List<Line> lines, Balances closing) {
    }

    public Statement of(SellerId seller, YearMonth month, CurrencyCode currency) {
        Instant from = month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Line> lines = jdbc.sql("""
                select p.created_at, e.id as entry_id, e.source_type, e.source_id, e.description, a.kind, -p.amount_minor as amount
                from ledger.posting p join ledger.account a on a.id = p.account_id join ledger.journal_entry e on e.id = p.entry_id
                where a.seller_id = :seller and a.currency = :currency and p.created_at >= :from and p.created_at < :to
                order by p.created_at, e.id, a.kind
                """).param("seller", seller.value()).param("currency", currency.code()).param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new Line(rs.getTimestamp("created_at").toInstant(), rs.getObject("entry_id", UUID.class), rs.getString("source_type"),
                        rs.getString("source_id"), rs.getString("description"), rs.getString("kind").replace("payable_", ""),
                        new Money(rs.getLong("amount"), currency).toDecimal()))
                .list();
        return new Statement(seller.value(), month.toString(), currency.code(), balancesAt(seller, currency, from), lines,
                balancesAt(seller, currency, to));
    }

    /** The statement as CSV: one row per movement between an opening and a closing row per account. */
    public String csv(Statement statement) {
        StringBuilder out = new StringBuilder("date,entry,source_type,source_id,account,amount,currency,description\n");
        String month = statement.month();
        row(out, month + "-01T00:00:00Z", "", "opening", "", "pending", statement.opening().pending(), statement.currency(), "opening balance");
        row(out, month + "-01T00:00:00Z", "", "opening", "", "available", statement.opening().available(), statement.currency(), "opening balance");
        row(out, month + "-01T00:00:00Z", "", "opening", "", "reserve", statement.opening().reserve(), statement.currency(), "opening balance");
        for (Line line : statement.lines()) {
            row(out, line.at().toString(), line.entryId().toString(), line.sourceType(), line.sourceId(), line.account(), line.amount(),
                    statement.currency(), line.description());
        }
        String end = YearMonth.parse(month).plusMonths(1).atDay(1) + "T00:00:00Z";
        row(out, end, "", "closing", "", "pending", statement.closing().pending(), statement.currency(), "closing balance");
        row(out, end, "", "closing", "", "available", statement.closing().available(), statement.currency(), "closing balance");
        row(out, end, "", "closing", "", "reserve", statement.closing().reserve(), statement.currency(), "closing balance");
        return out.toString();
    }

    private static void row(StringBuilder out, String at, String entry, String sourceType, String sourceId, String account, BigDecimal amount,
            String currency, String description) {
        out.append(at).append(',').append(entry).append(',').append(sourceType).append(',').append(sourceId).append(',').append(account)
                .append(',').append(amount.toPlainString()).append(',').append(currency).append(',')
                .append('"').append(description.replace("\"", "\"\"")).append('"').append('\n');
    }

    private Balances balancesAt(SellerId seller, CurrencyCode currency, Instant at) {
        var sums = jdbc.sql("""
                select a.kind, coalesce(sum(-p.amount_minor), 0) as owed
                from ledger.account a left join ledger.posting p on p.account_id = a.id and p.created_at < :at
                where a.seller_id = :seller and a.currency = :currency group by a.kind
                """).param("at", Timestamp.from(at)).param("seller", seller.value()).param("currency", currency.code())
                .query((rs, n) -> java.util.Map.entry(rs.getString("kind"), rs.getLong("owed"))).list();
        long pending = 0;
        long available = 0;
        long reserve = 0;
        for (var sum : sums) {
            switch (sum.getKey()) {
                case "payable_pending" -> pending = sum.getValue();
                case "payable_available" -> available = sum.getValue();
                case "reserve" -> reserve = sum.getValue();
                default -> {
                }
            }
        }
        return new Balances(new Money(pending, currency).toDecimal(), new Money(available, currency).toDecimal(), new Money(reserve, currency).toDecimal());
    }
}
