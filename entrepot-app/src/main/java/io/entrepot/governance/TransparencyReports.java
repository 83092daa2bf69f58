package io.entrepot.governance;

import io.entrepot.seller.SellerWebhooks;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each seller's monthly transparency summary (who looked at its data, why, how often), kept once per
 * seller and month and sent as the signed webhook {@code access_log.monthly_summary}. A job sends last
 * month's on the first days of a month; sellers nobody looked at get none.
 */
@Service
public class TransparencyReports {

    private static final Logger log = LoggerFactory.getLogger(TransparencyReports.class);
    private static final Actor SENDER = Actor.system("transparency-report");

    private final AccessLog accessLog;
    private final SellerWebhooks webhooks;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    TransparencyReports(AccessLog accessLog, SellerWebhooks webhooks, JdbcClient jdbc, TransactionTemplate tx,
            Clock clock) {
        this.accessLog = accessLog;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Scheduled(cron = "${entrepot.governance.transparency.cron:0 17 * * * *}", zone = "UTC")
    void sendLastMonth() {
        try {
            int sent = sendFor(YearMonth.now(clock.withZone(ZoneOffset.UTC)).minusMonths(1));
            if (sent > 0) {
                log.info("Sent {} monthly transparency summaries", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Monthly transparency summaries not sent: {}", e.getMessage());
        }
    }

    /** Sends the month's summary to every seller with entries in it that has not had it yet; how many were sent. */
    public int sendFor(YearMonth month) {
        if (month.isAfter(YearMonth.now(clock.withZone(ZoneOffset.UTC)))) {
            throw new IllegalArgumentException("no summary for a month that has not begun: " + month);
        }
        List<UUID> sellers = ActorContext.callAs(SENDER, () -> tx.execute(s -> jdbc.sql("""
                        select distinct l.seller_id from governance.access_log l
                        where l.occurred_at >= :from and l.occurred_at < :to
                          and not exists (select 1 from governance.transparency_report r where r.seller_id = l.seller_id and r.month = :month)
                        """)
                .param("from", Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()))
                .param("month", month.toString()).query(UUID.class).list()));
        int sent = 0;
        for (UUID seller : sellers) {
            sent += send(new SellerId(seller), month) ? 1 : 0;
        }
        return sent;
    }

    /** One seller's summary of one month, kept and sent once; false when it already was. */
    public boolean send(SellerId seller, YearMonth month) {
        return Boolean.TRUE.equals(ActorContext.callAs(SENDER, () -> tx.execute(s -> {
            AccessLog.Summary summary = accessLog.summary(seller, month);
            int inserted = jdbc.sql("""
                    insert into governance.transparency_report (seller_id, month, accesses, summary, created_at)
                    values (:seller, :month, :accesses, cast(:summary as jsonb), :now) on conflict do nothing
                    """).param("seller", seller.value()).param("month", month.toString()).param("accesses", summary.accesses())
                    .param("summary", json.writeValueAsString(summary)).param("now", Timestamp.from(clock.instant())).update();
            if (inserted == 0) {
                return false;
            }
            webhooks.enqueue(seller, "access_log.monthly_summary", Map.of("month", summary.month(), "accesses", summary.accesses(),
                    "lines", summary.lines()));
            return true;
        })));
    }

    /** A summary as sent: its month, how many accesses it counted, when. */
    public record Sent(String month, long accesses, java.time.Instant sentAt) {
    }

    /** The summaries a seller has been sent, newest first. */
    public List<Sent> sentTo(SellerId seller) {
        return tx.execute(s -> jdbc.sql("select month, accesses, created_at from governance.transparency_report where seller_id = :seller "
                        + "order by month desc").param("seller", seller.value())
                .query((rs, n) -> new Sent(rs.getString("month"), rs.getLong("accesses"), rs.getTimestamp("created_at").toInstant()))
                .list());
    }
}
