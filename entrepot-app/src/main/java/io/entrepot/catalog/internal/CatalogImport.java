package io.entrepot.catalog.internal;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.ImportReport;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.Warehouse;
import io.entrepot.shared.CsvRecords;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports products and SKUs from CSV, one row per SKU; rows with the same {@code product_ref} form one
 * product. Each product is written in a transaction of its own, so good products go in while a product
 * with any bad row is reported and not written at all.
 *
 * <p>Columns: {@code product_ref, category, locale, title, sku_code, base_price, currency, weight_grams,
 * length_mm, width_mm, height_mm}; optional {@code brand, description, stock, warehouse_id}, and
 * {@code title_<locale>} / {@code description_<locale>} for more languages. Unknown columns are ignored.
 */
@Component
public class CatalogImport {

    static final List<String> REQUIRED = List.of("product_ref", "category", "locale", "title", "sku_code", "base_price", "currency",
            "weight_grams", "length_mm", "width_mm", "height_mm");

    private final Catalog catalog;
    private final Sellers sellers;
    private final TransactionTemplate perProduct;

    CatalogImport(Catalog catalog, Sellers sellers, PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.sellers = sellers;
        this.perProduct = new TransactionTemplate(transactions);
        this.perProduct.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Files up to this many rows are imported while the request waits; larger ones run as a job. */
    public static final int SYNCHRONOUS_ROWS = 1000;

    public ImportReport importCsv(SellerId seller, Reader csv) {
        return importRows(seller, parse(csv), done -> { });
    }

    /** Reads and checks the file's structure; throws with the reason when it cannot be imported at all. */
    public List<CsvRecords.Row> parse(Reader csv) {
        List<CsvRecords.Row> rows = CsvRecords.read(csv);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV file has a header but no rows");
        }
        List<String> missing = REQUIRED.stream().filter(c -> !rows.getFirst().values().containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the CSV file lacks the columns " + String.join(", ", missing));
        }
        return rows;
    }

    /** Imports parsed rows, telling {@code progress} how many rows are done after each product. */
    public ImportReport importRows(SellerId seller, List<CsvRecords.Row> rows, java.util.function.IntConsumer progress) {
        List<Warehouse> warehouses = sellers.warehouses(seller);
        Set<UUID> warehouseIds = warehouses.stream().map(Warehouse::id).collect(java.util.stream.Collectors.toSet());
        Map<String, List<CsvRecords.Row>> byProduct = new LinkedHashMap<>();
        for (CsvRecords.Row row : rows) {
            byProduct.computeIfAbsent(row.get("product_ref").strip(), k -> new ArrayList<>()).add(row);
        }
        int products = 0;
        int skus = 0;
        List<ImportReport.RejectedRow> rejected = new ArrayList<>();
        int done = 0;
        for (var entry : byProduct.entrySet()) {
            done += entry.getValue().size();
            progress.accept(done);
            List<ImportReport.RejectedRow> problems = new ArrayList<>();
            NewProduct product = toProduct(entry.getKey(), entry.getValue(), warehouses, warehouseIds, problems);
            if (product == null) {
                rejected.addAll(problems);
                continue;
            }
            try {
                perProduct.executeWithoutResult(tx -> catalog.create(seller, product));
                products++;
                skus += product.skus().size();
            } catch (RuntimeException e) {
                for (CsvRecords.Row row : entry.getValue()) {
                    rejected.add(new ImportReport.RejectedRow(row.line(), entry.getKey(), List.of(message(e))));
                }
            }
        }
        return new ImportReport(rows.size(), products, skus, rejected);
    }

    private static NewProduct toProduct(String ref, List<CsvRecords.Row> rows, List<Warehouse> warehouses, Set<UUID> warehouseIds,
            List<ImportReport.RejectedRow> problems) {
        List<NewSku> skus = new ArrayList<>();
        for (CsvRecords.Row row : rows) {
            List<String> errors = new ArrayList<>();
            if (ref.isEmpty()) {
                errors.add("product_ref is empty");
            }
            NewSku sku = null;
            try {
                Map<UUID, Integer> stock = Map.of();
                if (!row.get("stock").isBlank()) {
                    UUID warehouse = row.get("warehouse_id").isBlank()
                            ? (warehouses.isEmpty() ? null : warehouses.getFirst().id()) : UUID.fromString(row.get("warehouse_id").strip());
                    if (warehouse == null || !warehouseIds.contains(warehouse)) {
                        throw new IllegalArgumentException("stock names no warehouse of yours");
                    }
                    stock = Map.of(warehouse, integer(row, "stock"));
                }
                sku = new NewSku(row.get("sku_code").strip(),
                        Money.of(new BigDecimal(row.get("base_price").strip()), CurrencyCode.of(row.get("currency").strip())),
                        integer(row, "weight_grams"), integer(row, "length_mm"), integer(row, "width_mm"), integer(row, "height_mm"),
                        Map.of(), stock);
            } catch (NumberFormatException e) {
                errors.add("base_price is not a number: '" + row.get("base_price") + "'");
            } catch (IllegalArgumentException e) {
                errors.add(message(e));
            }
            if (!errors.isEmpty()) {
                problems.add(new ImportReport.RejectedRow(row.line(), ref, errors));
            } else {
                skus.add(sku);
            }
        }
        CsvRecords.Row first = rows.getFirst();
        List<String> productErrors = new ArrayList<>();
        NewProduct product = null;
        try {
            Locale locale = NewProduct.locale(first.get("locale"));
            List<Content> contents = new ArrayList<>();
            contents.add(new Content(locale, first.get("title"), first.get("description")));
            for (String column : first.values().keySet()) {
                if (column.startsWith("title_") && !first.get(column).isBlank()) {
                    String tag = column.substring("title_".length());
                    contents.add(new Content(NewProduct.locale(tag), first.get(column), first.get("description_" + tag)));
                }
            }
            if (problems.isEmpty()) {
                product = new NewProduct(first.get("category").strip(), first.get("brand").isBlank() ? null : first.get("brand").strip(),
                        Map.of(), locale, true, contents, skus);
            }
        } catch (IllegalArgumentException e) {
            productErrors.add(message(e));
        }
        if (!productErrors.isEmpty()) {
            problems.add(new ImportReport.RejectedRow(first.line(), ref, productErrors));
        }
        if (!problems.isEmpty()) {
            // The other rows of the product are not imported either: say so, row by row.
            Set<Integer> reported = problems.stream().map(ImportReport.RejectedRow::line).collect(java.util.stream.Collectors.toSet());
            for (CsvRecords.Row row : rows) {
                if (!reported.contains(row.line())) {
                    problems.add(new ImportReport.RejectedRow(row.line(), ref, List.of("another row of product " + ref + " is invalid")));
                }
            }
            return null;
        }
        return product;
    }

    private static int integer(CsvRecords.Row row, String column) {
        try {
            return Integer.parseInt(row.get(column).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a whole number: '" + row.get(column) + "'");
        }
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
