package io.entrepot.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A CSV import running in the background: how far it got, and at the end what it did. */
public record ImportJob(UUID id, String status, int rowsTotal, int rowsDone, int products, int skus,
        List<ImportReport.RejectedRow> rejected, @Nullable String error, Instant createdAt, @Nullable Instant finishedAt) {

    public int percent() {
        return rowsTotal == 0 ? 100 : (int) Math.min(100, rowsDone * 100L / rowsTotal);
    }
}
