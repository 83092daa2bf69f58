package io.entrepot.market.web;

import io.entrepot.market.ExchangeRate;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.market.TradeRules;
import io.entrepot.shared.CurrencyCode;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import jakarta.servlet.http.HttpServletResponse;

/** Console pages: the markets, each market's trade-rule versions, and the exchange rates pricing uses. */
@Controller
public class OpsMarketPages {

    private final Markets markets;
    private final ExchangeRates rates;

    OpsMarketPages(Markets markets, ExchangeRates rates) {
        this.markets = markets;
        this.rates = rates;
    }

    /** A market with the trade rules in force now, as the list shows it. */
    public record MarketRow(Market market, Optional<TradeRules> rules) {
    }

    /** One pair's rate as the FX page shows it, or why there is none. */
    public record RateRow(String from, String to, String rate, String asOf, String source, String problem) {
    }

    @GetMapping("/console/markets")
    String list(Model model) {
        model.addAttribute("markets", markets.all().stream().map(m -> new MarketRow(m, markets.rulesNow(m.code()))).toList());
        return "market/list";
    }

    @GetMapping("/console/markets/{code}")
    String detail(@PathVariable String code, Model model) {
        return detail(MarketCode.of(code), "", model);
    }

    private String detail(MarketCode market, String error, Model model) {
        model.addAttribute("market", markets.get(market));
        model.addAttribute("versions", markets.ruleVersions(market));
        model.addAttribute("current", markets.rulesNow(market).map(TradeRules::id).orElse(null));
        model.addAttribute("error", error);
        return "market/detail";
    }

    /** The new trade-rule version form's fields, as typed. */
    public record VersionForm(String effectiveFrom, String taxName, String importTaxRatePct, String taxCollection,
            String dutyDeMinimis, String dutyCurrency, String dutyBasis, String flatDuty, String flatDutyCurrency,
            String prohibitedCategories, String source, String asOf, String notes) {

        TradeRules toRules(MarketCode market) {
            try {
                java.time.Instant from = java.time.Instant.parse(effectiveFrom.strip());
                var duty = dutyDeMinimis.isBlank() ? null : new io.entrepot.market.Threshold(io.entrepot.shared.Money.of(
                        new java.math.BigDecimal(dutyDeMinimis.strip()), CurrencyCode.of(dutyCurrency.strip())),
                        io.entrepot.market.ValueBasis.fromKey(dutyBasis));
                var flat = flatDuty.isBlank() ? null : io.entrepot.shared.Money.of(new java.math.BigDecimal(flatDuty.strip()),
                        CurrencyCode.of(flatDutyCurrency.strip()));
                java.util.Set<String> prohibited = java.util.Arrays.stream(prohibitedCategories.split(","))
                        .map(String::strip).filter(c -> !c.isEmpty()).collect(java.util.stream.Collectors.toSet());
                if (source.isBlank() || asOf.isBlank() || taxName.isBlank()) {
                    throw new IllegalArgumentException("tax name, source and as-of are required");
                }
                return new TradeRules(io.entrepot.shared.Ids.newId(), market, from, null, taxName.strip(),
                        new java.math.BigDecimal(importTaxRatePct.strip()), io.entrepot.market.TaxCollection.fromKey(taxCollection),
                        null, duty, null, flat, prohibited, source.strip(), asOf.strip(), "", notes.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("effective from must be an instant such as 2027-01-01T00:00:00Z");
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("rates and amounts must be numbers");
            }
        }
    }

    @PostMapping("/console/markets/{code}/trade-rule-versions")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_COMPLIANCE')")
    String addVersion(@PathVariable String code, VersionForm form, Model model, HttpServletResponse response) {
        MarketCode market = MarketCode.of(code);
        try {
            markets.addRuleVersion(form.toRules(market));
            return "redirect:/console/markets/" + market.value();
        } catch (IllegalArgumentException | io.entrepot.shared.ConflictException e) {
            response.setStatus(e instanceof io.entrepot.shared.ConflictException ? 409 : 400);
            return detail(market, String.valueOf(e.getMessage()), model);
        }
    }

    /** The market form's fields, as typed. */
    public record MarketForm(String code, String name, String currency, String locales, String priceIncrement, String priceRounding,
            String charmModulus, String charmEnding, String returnWindowDays, String returnBasis) {

        static MarketForm empty() {
            return new MarketForm("", "", "", "", "0.01", "half_up", "", "", "0", "");
        }

        static MarketForm of(Market m) {
            return new MarketForm(m.code().value(), m.name(), m.currency().code(),
                    String.join(",", m.locales().stream().map(java.util.Locale::toLanguageTag).toList()),
                    m.rounding().increment().toPlainString(), m.rounding().modeKey(),
                    m.rounding().charmModulus() == null ? "" : m.rounding().charmModulus().toPlainString(),
                    m.rounding().charmEnding() == null ? "" : m.rounding().charmEnding().toPlainString(),
                    Integer.toString(m.returnWindowDays()), m.returnBasis());
        }

        MarketRequest toRequest() {
            try {
                List<String> tags = java.util.Arrays.stream(locales.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
                return new MarketRequest(code.strip().toUpperCase(java.util.Locale.ROOT), name, currency.strip().toUpperCase(java.util.Locale.ROOT), null,
                        tags, null, new java.math.BigDecimal(priceIncrement.strip()), priceRounding,
                        charmModulus.isBlank() ? null : new java.math.BigDecimal(charmModulus.strip()),
                        charmEnding.isBlank() ? null : new java.math.BigDecimal(charmEnding.strip()),
                        Integer.parseInt(returnWindowDays.strip()), returnBasis);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("price increment, charm and return window must be numbers");
            }
        }
    }

    @GetMapping("/console/markets/new")
    String newMarket(Model model) {
        model.addAttribute("form", MarketForm.empty());
        model.addAttribute("editing", false);
        model.addAttribute("error", "");
        return "market/form";
    }

    @GetMapping("/console/markets/{code}/edit")
    String editMarket(@PathVariable String code, Model model) {
        model.addAttribute("form", MarketForm.of(markets.get(MarketCode.of(code))));
        model.addAttribute("editing", true);
        model.addAttribute("error", "");
        return "market/form";
    }

    @PostMapping("/console/markets")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    String open(MarketForm form, Model model, HttpServletResponse response) {
        return save(form, false, model, response);
    }

    @PostMapping("/console/markets/{code}")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    String change(@PathVariable String code, MarketForm form, Model model, HttpServletResponse response) {
        return save(new MarketForm(code, form.name(), form.currency(), form.locales(), form.priceIncrement(), form.priceRounding(),
                form.charmModulus(), form.charmEnding(), form.returnWindowDays(), form.returnBasis()), true, model, response);
    }

    @PostMapping("/console/markets/{code}/pause")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    String pause(@PathVariable String code) {
        markets.pause(MarketCode.of(code));
        return "redirect:/console/markets";
    }

    @PostMapping("/console/markets/{code}/resume")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    String resume(@PathVariable String code) {
        markets.resume(MarketCode.of(code));
        return "redirect:/console/markets";
    }

    private String save(MarketForm form, boolean editing, Model model, HttpServletResponse response) {
        try {
            MarketRequest request = form.toRequest();
            var definition = OpsMarketController.definition(MarketCode.of(request.code()), request);
            if (editing) {
                markets.change(definition);
            } else {
                markets.open(definition);
            }
            return "redirect:/console/markets/" + definition.code().value();
        } catch (IllegalArgumentException | io.entrepot.shared.ConflictException | io.entrepot.shared.NotFoundException e) {
            response.setStatus(e instanceof io.entrepot.shared.ConflictException ? 409 : 400);
            model.addAttribute("form", form);
            model.addAttribute("editing", editing);
            model.addAttribute("error", String.valueOf(e.getMessage()));
            return "market/form";
        }
    }

    /** Imports an uploaded ECB reference-rate file (finance). */
    @PostMapping("/console/fx/ecb")
    @PreAuthorize("hasAnyRole('OPS_FINANCE', 'OPS_ADMIN')")
    String importEcb(@org.springframework.web.bind.annotation.RequestParam("file") org.springframework.web.multipart.MultipartFile file,
            Model model, HttpServletResponse response) throws java.io.IOException {
        try {
            var result = rates.importEcb(file.getBytes());
            return fx(model, "imported " + result.ratesAdded() + " rates from " + result.publications() + " publications ("
                    + result.ratesAlreadyKnown() + " already known)", "");
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return fx(model, "", String.valueOf(e.getMessage()));
        }
    }

    /** Sets finance's rate for a pair. */
    @PostMapping("/console/fx/overrides")
    @PreAuthorize("hasRole('OPS_FINANCE')")
    String override(@org.springframework.web.bind.annotation.RequestParam String from,
            @org.springframework.web.bind.annotation.RequestParam String to,
            @org.springframework.web.bind.annotation.RequestParam String rate,
            @org.springframework.web.bind.annotation.RequestParam String reason, Model model, HttpServletResponse response) {
        try {
            var set = rates.override(CurrencyCode.of(from.strip().toUpperCase(java.util.Locale.ROOT)),
                    CurrencyCode.of(to.strip().toUpperCase(java.util.Locale.ROOT)), new java.math.BigDecimal(rate.strip()), reason);
            return fx(model, "override set: " + set.from() + " → " + set.to() + " " + set.rate().toPlainString(), "");
        } catch (NumberFormatException e) {
            response.setStatus(400);
            return fx(model, "", "the rate must be a number");
        } catch (IllegalArgumentException e) {
            response.setStatus(400);
            return fx(model, "", String.valueOf(e.getMessage()));
        }
    }

    @GetMapping("/console/fx")
    String fx(Model model) {
        return fx(model, "", "");
    }

    private String fx(Model model, String notice, String error) {
        model.addAttribute("notice", notice);
        model.addAttribute("error", error);
        CurrencyCode cny = CurrencyCode.of("CNY");
        List<RateRow> rows = markets.all().stream().map(Market::currency).distinct().sorted((a, b) -> a.code().compareTo(b.code()))
                .map(currency -> row(cny, currency)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("maxAgeHours", rates.maxAge().toHours());
        return "market/fx";
    }

    private RateRow row(CurrencyCode from, CurrencyCode to) {
        try {
            ExchangeRate rate = rates.current(from, to);
            return new RateRow(from.code(), to.code(), rate.rate().setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                    rate.asOf().toString(), rate.source(), "");
        } catch (RuntimeException e) {
            return new RateRow(from.code(), to.code(), "—", "—", "—", String.valueOf(e.getMessage()));
        }
    }
}
