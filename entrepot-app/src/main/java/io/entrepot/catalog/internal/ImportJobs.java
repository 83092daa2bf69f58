package io.entrepot.catalog.internal;

import io.entrepot.catalog.ImportJob;
import io.entrepot.catalog.ImportReport;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CsvRecords;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs large CSV imports in the background as the seller who started them, recording progress (and a
 * heartbeat) every hundred rows so a page can show it. A running job whose heartbeat is older than ten
 * minutes was cut short by a crash and is reported failed; what it had imported stays (each product was
 * its own transaction) and is in the catalogue.
 */
@Component
public class ImportJobs {

    private static final Log log = LogFactory.getLog(ImportJobs.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final CatalogImport imports;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TaskExecutor executor;
    private final Clock clock;

    ImportJobs(CatalogImport imports, JdbcClient jdbc, TransactionTemplate transactions,
            @org.springframework.beans.factory.annotation.Qualifier("applicationTaskExecutor") TaskExecutor executor, Clock clock) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.executor = executor;
        this.clock = clock;
    }

    /** Records the job and starts it; the rows have been parsed and checked already. */
    public UUID start(SellerId seller, List<CsvRecords.Row> rows) {
        UUID id = Ids.newId(clock);
        Actor actor = ActorContext.current();
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                insert into catalog.import_job (id, seller_id, status, rows_total, created_at, heartbeat_at)
                values (:id, :seller, 'running', :total, :now, :now)
                """).param("id", id).param("seller", seller.value()).param("total", rows.size())
                .param("now", Timestamp.from(clock.instant())).update());
        executor.execute(() -> ActorContext.runAs(actor, () -> run(id, seller, rows)));
        return id;
    }

    private void run(UUID id, SellerId seller, List<CsvRecords.Row> rows) {
        int[] reported = {0};
        try {
            ImportReport report = imports.importRows(seller, rows, done -> {
                if (done - reported[0] >= 100) {
                    reported[0] = done;
                    transactions.executeWithoutResult(tx -> jdbc.sql("update catalog.import_job set rows_done = :done, heartbeat_at = :now where id = :id")
                            .param("done", done).param("now", Timestamp.from(clock.instant())).param("id", id).update());
                }
            });
            transactions.executeWithoutResult(tx -> jdbc.sql("""
                    update catalog.import_job set status = 'done', rows_done = rows_total, products = :products, skus = :skus,
                        rejected = cast(:rejected as jsonb), finished_at = :now where id = :id
                    """).param("products", report.products()).param("skus", report.skus())
                    .param("rejected", JSON.writeValueAsString(report.rejected())).param("now", Timestamp.from(clock.instant()))
                    .param("id", id).update());
        } catch (RuntimeException e) {
            log.warn("Import job " + id + " failed", e);
            transactions.executeWithoutResult(tx -> jdbc.sql("""
                    update catalog.import_job set status = 'failed', error = :error, finished_at = :now where id = :id
                    """).param("error", String.valueOf(e.getMessage())).param("now", Timestamp.from(clock.instant()))
                    .param("id", id).update());
        }
    }

    public ImportJob get(UUID id) {
        return find(id).orElseThrow(() -> new NotFoundException("import job", id));
    }

    public Optional<ImportJob> find(UUID id) {
        return transactions.execute(tx -> {
            jdbc.sql("""
                    update catalog.import_job set status = 'failed', finished_at = :now,
                        error = 'interrupted (no progress for ten minutes); products imported before it are kept'
                    where id = :id and status = 'running' and heartbeat_at < :stale
                    """).param("id", id).param("now", Timestamp.from(clock.instant()))
                    .param("stale", Timestamp.from(clock.instant().minusSeconds(600))).update();
            return load(id);
        });
    }

    private Optional<ImportJob> load(UUID id) {
        return jdbc.sql("select * from catalog.import_job where id = :id").param("id", id)
                .query((rs, n) -> {
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new ImportJob(id, rs.getString("status"), rs.getInt("rows_total"), rs.getInt("rows_done"),
                            rs.getInt("products"), rs.getInt("skus"),
                            JSON.readValue(rs.getString("rejected"), new TypeReference<List<ImportReport.RejectedRow>>() { }),
                            rs.getString("error"), rs.getTimestamp("created_at").toInstant(),
                            finished == null ? null : finished.toInstant());
                }).optional();
    }
}
