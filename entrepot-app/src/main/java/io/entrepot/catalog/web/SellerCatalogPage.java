package io.entrepot.catalog.web;

import io.entrepot.catalog.Catalog;
import io.entrepot.catalog.Product;
import io.entrepot.catalog.internal.CatalogStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The seller portal's catalogue: each product with its standing in every market it was published to. */
@Controller
public class SellerCatalogPage {

    private final Catalog catalog;
    private final io.entrepot.market.Markets markets;
    private final io.entrepot.catalog.internal.CatalogImport imports;
    private final io.entrepot.catalog.internal.ImportJobs jobs;

    SellerCatalogPage(Catalog catalog, io.entrepot.market.Markets markets, io.entrepot.catalog.internal.CatalogImport imports,
            io.entrepot.catalog.internal.ImportJobs jobs) {
        this.catalog = catalog;
        this.markets = markets;
        this.imports = imports;
        this.jobs = jobs;
    }

    /** Starts an import from an uploaded file and shows its progress. */
    @org.springframework.web.bind.annotation.PostMapping("/seller/imports")
    String upload(@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        var rows = imports.parse(new java.io.InputStreamReader(file.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        return "redirect:/seller/imports/" + jobs.start(io.entrepot.shared.ActorContext.currentSeller(), rows);
    }

    @GetMapping("/seller/imports/{id}")
    String importJob(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Model model) {
        model.addAttribute("job", jobs.get(id));
        return "catalog/import";
    }

    /** The htmx fragment the import page polls. */
    @GetMapping("/seller/imports/{id}/progress")
    String importProgress(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Model model) {
        model.addAttribute("job", jobs.get(id));
        return "catalog/import-progress";
    }

    @GetMapping("/seller/products/new")
    String newProduct(Model model) {
        return form(ProductForm.empty(), "", model);
    }

    @GetMapping("/seller/products/{id}/edit")
    String editProduct(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, Model model) {
        Product product = catalog.get(new io.entrepot.catalog.ProductId(id));
        var sku = product.skus().getFirst();
        model.addAttribute("productId", id.toString());
        return form(new ProductForm(product.category(), product.contentIn("en").orElse(product.fallbackContent()).title(),
                product.contentIn("en").orElse(product.fallbackContent()).description(),
                product.contentIn("zh").map(io.entrepot.catalog.Content::title).orElse(""), sku.code(),
                sku.basePrice().toDecimal().toPlainString(), sku.basePrice().currency().code(), Integer.toString(sku.weightGrams())),
                "", model);
    }

    /** Saves the product's category and content; its SKUs stay as they are (change prices and stock through the API or CSV). */
    @org.springframework.web.bind.annotation.PostMapping("/seller/products/{id}")
    String updateProduct(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id, ProductForm form, Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        var productId = new io.entrepot.catalog.ProductId(id);
        Product existing = catalog.get(productId);
        try {
            var contents = new java.util.ArrayList<io.entrepot.catalog.Content>();
            contents.add(new io.entrepot.catalog.Content(Locale.ENGLISH, form.title(), form.description()));
            if (!form.titleZh().isBlank()) {
                contents.add(new io.entrepot.catalog.Content(Locale.SIMPLIFIED_CHINESE, form.titleZh(), ""));
            }
            existing.contents().stream().filter(c -> !c.language().equals("en") && !c.language().equals("zh")).forEach(contents::add);
            var skus = existing.skus().stream().map(s -> new io.entrepot.catalog.NewSku(s.code(), s.basePrice(), s.weightGrams(),
                    s.lengthMm(), s.widthMm(), s.heightMm(), s.attributes(), s.stock())).toList();
            catalog.update(productId, new io.entrepot.catalog.NewProduct(form.category(), existing.brandName(), existing.attributes(),
                    Locale.ENGLISH, existing.allowFallback(), contents, skus));
            return "redirect:/seller/catalog";
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            model.addAttribute("productId", id.toString());
            return form(form, String.valueOf(e.getMessage()), model);
        }
    }

    @org.springframework.web.bind.annotation.PostMapping("/seller/products")
    String create(ProductForm form, Model model, jakarta.servlet.http.HttpServletResponse response) {
        try {
            var contents = new java.util.ArrayList<io.entrepot.catalog.Content>();
            contents.add(new io.entrepot.catalog.Content(Locale.ENGLISH, form.title(), form.description()));
            if (!form.titleZh().isBlank()) {
                contents.add(new io.entrepot.catalog.Content(Locale.SIMPLIFIED_CHINESE, form.titleZh(), ""));
            }
            var sku = new io.entrepot.catalog.NewSku(form.skuCode().strip(), io.entrepot.shared.Money.of(
                    new java.math.BigDecimal(form.basePrice().strip()), io.entrepot.shared.CurrencyCode.of(form.currency().strip())),
                    Integer.parseInt(form.weightGrams().strip()), 100, 100, 100, java.util.Map.of(), java.util.Map.of());
            catalog.create(io.entrepot.shared.ActorContext.currentSeller(), new io.entrepot.catalog.NewProduct(form.category(), null,
                    java.util.Map.of(), Locale.ENGLISH, true, contents, List.of(sku)));
            return "redirect:/seller/catalog";
        } catch (NumberFormatException e) {
            response.setStatus(400);
            return form(form, "price and weight must be numbers", model);
        } catch (IllegalArgumentException | io.entrepot.shared.ConflictException e) {
            response.setStatus(e instanceof io.entrepot.shared.ConflictException ? 409 : 400);
            return form(form, String.valueOf(e.getMessage()), model);
        }
    }

    @org.springframework.web.bind.annotation.PostMapping("/seller/products/{id}/publish")
    String publish(@org.springframework.web.bind.annotation.PathVariable java.util.UUID id,
            @org.springframework.web.bind.annotation.RequestParam(name = "market", required = false) List<String> chosen,
            @org.springframework.web.bind.annotation.RequestParam(name = "markupPct", defaultValue = "0") java.math.BigDecimal markup) {
        if (chosen == null || chosen.isEmpty()) {
            throw new IllegalArgumentException("choose at least one market");
        }
        catalog.publish(new io.entrepot.catalog.ProductId(id), new io.entrepot.catalog.Publication(
                chosen.stream().map(io.entrepot.market.MarketCode::of).toList(), markup, java.util.Map.of()));
        return "redirect:/seller/catalog";
    }

    private String form(ProductForm form, String error, Model model) {
        if (!model.containsAttribute("productId")) {
            model.addAttribute("productId", "");
        }
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        model.addAttribute("categories", catalog.categories().stream().map(CatalogStore.Category::slug).toList());
        return "catalog/form";
    }

    /** A product and its offers, as the page shows them. */
    public record ProductRow(java.util.UUID id, String title, String category, int skus, List<OfferCell> offers) {
    }

    /** The new-product form's fields, as typed. */
    public record ProductForm(String category, String title, String description, String titleZh, String skuCode, String basePrice,
            String currency, String weightGrams) {

        static ProductForm empty() {
            return new ProductForm("lighting", "", "", "", "", "", "CNY", "500");
        }
    }

    /** One market's status for a product. */
    public record OfferCell(String market, String status, String detail) {
    }

    @GetMapping("/seller/catalog")
    String catalog(HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        var seller = io.entrepot.shared.ActorContext.currentSeller();
        List<ProductRow> rows = catalog.productsOf(seller, 200).stream().map(catalog::get)
                .map(p -> row(p, locale, catalog.offersOf(p.id()))).toList();
        model.addAttribute("products", rows);
        model.addAttribute("markets", markets.all().stream().filter(io.entrepot.market.Market::open).map(m -> m.code().value()).toList());
        return "catalog/list";
    }

    private static ProductRow row(Product product, Locale locale, List<CatalogStore.OfferRow> offers) {
        String title = product.contentIn(locale.getLanguage()).orElse(product.fallbackContent()).title();
        var byOffer = offers.stream().collect(Collectors.groupingBy(CatalogStore.OfferRow::offerId, LinkedHashMap::new, Collectors.toList()));
        List<OfferCell> cells = byOffer.values().stream().map(group -> {
            var first = group.getFirst();
            String detail = first.reasons().isEmpty()
                    ? group.stream().filter(r -> r.price() != null).map(r -> r.price().toString()).collect(Collectors.joining(", "))
                    : first.reasons().stream().map(Enum::name).collect(Collectors.joining(", "));
            return new OfferCell(first.market(), first.status().name(), detail);
        }).toList();
        return new ProductRow(product.id().value(), title, product.category(), product.skus().size(), cells);
    }
}
