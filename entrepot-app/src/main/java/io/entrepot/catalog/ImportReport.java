package io.entrepot.catalog;

import java.util.List;

/** What a CSV import did: products and SKUs created, and each rejected row with what was wrong. */
public record ImportReport(int rows, int products, int skus, List<RejectedRow> rejected) {

    /** A row that was not imported, and why. A product with any bad row is not imported at all. */
    public record RejectedRow(int line, String productRef, List<String> errors) {
    }
}
