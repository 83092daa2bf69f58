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

    SellerCatalogPage(Catalog catalog) {
        this.catalog = catalog;
    }

    /** A product and its offers, as the page shows them. */
    public record ProductRow(String title, String category, int skus, List<OfferCell> offers) {
    }

    /** One market's status for a product. */
    public record OfferCell(String market, String status, String detail) {
    }

    @GetMapping("/seller/catalog")
    String catalog(HttpServletRequest request, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        var seller = SellerProductController.currentSeller();
        List<ProductRow> rows = catalog.productsOf(seller, 200).stream().map(catalog::get)
                .map(p -> row(p, locale, catalog.offersOf(p.id()))).toList();
        model.addAttribute("products", rows);
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
        return new ProductRow(title, product.category(), product.skus().size(), cells);
    }
}
