package io.entrepot.catalog.web;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Content;
import io.entrepot.catalog.MarketOffer;
import io.entrepot.catalog.NewProduct;
import io.entrepot.catalog.NewSku;
import io.entrepot.catalog.Product;
import io.entrepot.catalog.ProductId;
import io.entrepot.catalog.Publication;
import io.entrepot.catalog.internal.CatalogStore;
import io.entrepot.market.MarketCode;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: catalog and offers")
class SellerProductController {

    private final Catalog catalog;
    private final io.entrepot.catalog.internal.CatalogImport imports;
    private final io.entrepot.catalog.internal.ImportJobs jobs;

    SellerProductController(Catalog catalog, io.entrepot.catalog.internal.CatalogImport imports,
            io.entrepot.catalog.internal.ImportJobs jobs) {
        this.catalog = catalog;
        this.imports = imports;
        this.jobs = jobs;
    }

    @PostMapping(value = "/api/v1/seller/imports/products", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import products and SKUs from CSV (one row per SKU)",
            description = "Columns: product_ref, category, locale, title, sku_code, base_price, currency, weight_grams, length_mm, "
                    + "width_mm, height_mm; optional brand, description, stock, warehouse_id, title_<locale>, description_<locale>. "
                    + "Good products go in; a product with any bad row is reported and not written. Up to 1,000 rows: 200 with "
                    + "the report. More: 202 and a job to follow at the Location.")
    ResponseEntity<?> importCsv(@RequestBody byte[] csv) {
        var seller = ActorContext.currentSeller();
        var rows = imports.parse(new java.io.InputStreamReader(new java.io.ByteArrayInputStream(csv), java.nio.charset.StandardCharsets.UTF_8));
        if (rows.size() <= io.entrepot.catalog.internal.CatalogImport.SYNCHRONOUS_ROWS) {
            return ResponseEntity.ok(imports.importRows(seller, rows, done -> { }));
        }
        UUID job = jobs.start(seller, rows);
        return ResponseEntity.accepted().location(URI.create("/api/v1/seller/imports/" + job)).body(jobs.get(job));
    }

    @GetMapping("/api/v1/seller/imports/{id}")
    @Operation(summary = "Progress of an import job, and its report when done")
    io.entrepot.catalog.ImportJob importJob(@PathVariable UUID id) {
        return jobs.get(id);
    }

    record SkuResource(UUID id, String code, PriceResource basePrice, int weightGrams, int lengthMm, int widthMm, int heightMm,
            Map<String, String> attributes, Map<UUID, Integer> stock) {
    }

    record ContentResource(String locale, String title, String description) {
    }

    record ProductResource(UUID id, String category, @Nullable String brandName, Map<String, String> attributes,
            String fallbackLocale, boolean allowFallback, List<ContentResource> contents, List<SkuResource> skus) {
        static ProductResource of(Product p) {
            return new ProductResource(p.id().value(), p.category(), p.brandName(), p.attributes(), p.fallbackLocale().toLanguageTag(),
                    p.allowFallback(), p.contents().stream().map(c -> new ContentResource(c.locale().toLanguageTag(), c.title(), c.description())).toList(),
                    p.skus().stream().map(s -> new SkuResource(s.id(), s.code(), new PriceResource(s.code(), s.basePrice().toDecimal(),
                            s.basePrice().currency().code(), true, null), s.weightGrams(), s.lengthMm(), s.widthMm(),
                            s.heightMm(), s.attributes(), s.stock())).toList());
        }
    }

    record PriceResource(String sku, BigDecimal amount, String currency, boolean explicit, @Nullable BigDecimal fxRate) {
    }

    record OfferResource(UUID offerId, String market, String status, List<String> reasons, List<PriceResource> prices) {
        static OfferResource of(MarketOffer o) {
            return new OfferResource(o.offerId(), o.market().value(), o.status().name(), o.reasons().stream().map(Enum::name).toList(),
                    o.prices().stream().map(p -> new PriceResource(p.skuCode(), p.price().toDecimal(), p.price().currency().code(),
                            p.explicit(), p.fxRate())).toList());
        }
    }

    record PublicationResult(UUID productId, List<OfferResource> offers) {
    }

    @PostMapping("/api/v1/seller/products")
    @Operation(summary = "Create a global product with its SKUs, content per locale and stock per warehouse")
    ResponseEntity<ProductResource> create(@Valid @RequestBody ProductRequest request) {
        ProductId id = catalog.create(ActorContext.currentSeller(), toNew(request));
        return ResponseEntity.created(URI.create("/api/v1/seller/products/" + id)).body(ProductResource.of(catalog.get(id)));
    }

    @GetMapping("/api/v1/seller/products")
    @Operation(summary = "This seller's products, newest first")
    List<ProductResource> list(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) {
            throw new IllegalArgumentException("limit must be between 1 and 500");
        }
        return catalog.productsOf(ActorContext.currentSeller(), limit).stream().map(catalog::get).map(ProductResource::of).toList();
    }

    @GetMapping("/api/v1/seller/products/{id}")
    @Operation(summary = "One of this seller's products")
    ProductResource get(@PathVariable UUID id) {
        return ProductResource.of(catalog.get(new ProductId(id)));
    }

    @PutMapping("/api/v1/seller/products/{id}")
    @Operation(summary = "Replace a product's fields and content; SKUs are added or updated by code")
    ProductResource update(@PathVariable UUID id, @Valid @RequestBody ProductRequest request) {
        return ProductResource.of(catalog.update(new ProductId(id), toNew(request)));
    }

    @PostMapping("/api/v1/seller/products/{id}/publications")
    @Operation(summary = "Publish to one or many markets", description = "Each market answers LIVE with prices or BLOCKED with reasons.")
    PublicationResult publish(@PathVariable UUID id, @Valid @RequestBody PublicationRequest request) {
        Map<MarketCode, Map<String, BigDecimal>> explicit = new LinkedHashMap<>();
        if (request.prices() != null) {
            request.prices().forEach((market, prices) -> explicit.put(MarketCode.of(market), prices));
        }
        var publication = new Publication(request.markets().stream().map(MarketCode::of).toList(),
                request.markupPct() == null ? BigDecimal.ZERO : request.markupPct(), explicit);
        var offers = catalog.publish(new ProductId(id), publication);
        return new PublicationResult(id, offers.stream().map(OfferResource::of).toList());
    }

    record BulkPublicationRequest(@jakarta.validation.constraints.DecimalMin("-99.999")
            @jakarta.validation.constraints.DecimalMax("1000") @Nullable BigDecimal markupPct) {
    }

    @PostMapping("/api/v1/seller/markets/{market}/publications")
    @Operation(summary = "Publish the whole catalogue to one market (a newly opened one, say)",
            description = "Derived prices with the markup; the answer counts live and blocked products and the reasons.")
    io.entrepot.catalog.BulkPublication publishAll(@PathVariable String market, @Valid @RequestBody BulkPublicationRequest request) {
        return catalog.publishAll(ActorContext.currentSeller(), MarketCode.of(market),
                request.markupPct() == null ? BigDecimal.ZERO : request.markupPct());
    }

    @GetMapping("/api/v1/seller/offers")
    @Operation(summary = "This seller's offers, optionally in one market")
    List<Map<String, Object>> offers(@RequestParam(required = false) @Nullable String market) {
        var rows = catalog.offersOf(ActorContext.currentSeller(), Optional.ofNullable(market).map(MarketCode::of));
        return rows.stream().collect(Collectors.groupingBy(CatalogStore.OfferRow::offerId, LinkedHashMap::new, Collectors.toList()))
                .values().stream().map(group -> {
                    var first = group.getFirst();
                    Map<String, Object> offer = new LinkedHashMap<>();
                    offer.put("offerId", first.offerId());
                    offer.put("productId", first.productId().value());
                    offer.put("market", first.market());
                    offer.put("status", first.status().name());
                    offer.put("reasons", first.reasons().stream().map(Enum::name).toList());
                    offer.put("prices", group.stream().filter(r -> r.price() != null)
                            .map(r -> new PriceResource(r.skuCode(), r.price().toDecimal(), r.price().currency().code(), r.explicit(), r.fxRate()))
                            .toList());
                    return offer;
                }).toList();
    }

    @GetMapping("/api/v1/seller/products/{id}/offers/{market}/price-history")
    @Operation(summary = "Every recorded price of the product's SKUs in a market")
    List<CatalogStore.PriceChange> priceHistory(@PathVariable UUID id, @PathVariable String market) {
        return catalog.priceHistory(new ProductId(id), MarketCode.of(market));
    }

    private static NewProduct toNew(ProductRequest request) {
        List<Content> contents = request.contents().stream()
                .map(c -> new Content(NewProduct.locale(c.locale()), c.title(), c.description() == null ? "" : c.description())).toList();
        List<NewSku> skus = request.skus().stream().map(s -> new NewSku(s.code(),
                Money.of(s.basePrice().amount(), CurrencyCode.of(s.basePrice().currency())), s.weightGrams(), s.lengthMm(),
                s.widthMm(), s.heightMm(), s.attributes() == null ? Map.of() : s.attributes(),
                s.stock() == null ? Map.of() : s.stock().stream().collect(Collectors.toMap(
                        ProductRequest.StockRequest::warehouseId, ProductRequest.StockRequest::available, (a, b) -> {
                            throw new IllegalArgumentException("SKU " + s.code() + " names a warehouse twice");
                        })))).toList();
        return new NewProduct(request.category(), request.brandName(), request.attributes() == null ? Map.of() : request.attributes(),
                NewProduct.locale(request.fallbackLocale()), request.allowFallback() == null || request.allowFallback(), contents, skus);
    }
}
