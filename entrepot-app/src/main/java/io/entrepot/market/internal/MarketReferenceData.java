package io.entrepot.market.internal;

import io.entrepot.market.MarketCode;
import io.entrepot.market.MarketDefinition;
import io.entrepot.market.PriceRounding;
import io.entrepot.market.TaxCollection;
import io.entrepot.market.Threshold;
import io.entrepot.market.TradeRules;
import io.entrepot.market.ValueBasis;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CsvRecords;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the markets and trade-rule versions of {@code data/markets/*.csv} that the database does not
 * have yet. Existing rows are never overwritten: after the first start, operators own the data.
 * Dates in the file are taken at 00:00 UTC.
 */
@Component
@Order(10)
public class MarketReferenceData implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(MarketReferenceData.class);

    private final MarketStore markets;
    private final TradeRuleStore rules;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MarketReferenceData(MarketStore markets, TradeRuleStore rules, TransactionTemplate transactions, Clock clock) {
        this.markets = markets;
        this.rules = rules;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        ActorContext.runAs(Actor.system("reference-data"), () -> transactions.executeWithoutResult(tx -> load()));
    }

    private void load() {
        int addedMarkets = 0;
        for (MarketDefinition market : marketDefinitions()) {
            if (markets.insert(market, clock.instant())) {
                addedMarkets++;
            } else {
                markets.completeSeeded(market);
            }
        }
        int addedVersions = 0;
        for (TradeRules version : tradeRules()) {
            if (!rules.exists(version.market(), version.effectiveFrom())) {
                rules.insert(version, "reference-data", clock.instant());
                addedVersions++;
            }
        }
        if (addedMarkets + addedVersions > 0) {
            log.info("Loaded " + addedMarkets + " markets and " + addedVersions + " trade-rule versions from data/markets");
        }
    }

    static List<MarketDefinition> marketDefinitions() {
        return read("data/markets/markets.csv").stream().map(row -> {
            CurrencyCode currency = CurrencyCode.of(row.get("currency"));
            List<Locale> locales = Arrays.stream(row.get("locales").split("\\|")).map(Locale::forLanguageTag).toList();
            var rounding = new PriceRounding(new BigDecimal(row.get("price_increment")), PriceRounding.modeOf(row.get("price_rounding")),
                    decimal(row.get("charm_modulus")), decimal(row.get("charm_ending")));
            return new MarketDefinition(MarketCode.of(row.get("code")), row.get("name"), currency,
                    Integer.parseInt(row.get("display_minor_units")), locales, Locale.forLanguageTag(row.get("default_locale")),
                    rounding, Integer.parseInt(row.get("return_window_days")), row.get("return_basis"));
        }).toList();
    }

    public static List<TradeRules> tradeRules() {
        return read("data/markets/trade_rules.csv").stream().map(row -> {
            Set<String> prohibited = Arrays.stream(row.get("prohibited_categories").split("\\|"))
                    .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            return new TradeRules(Ids.newId(), MarketCode.of(row.get("market")), date(row.get("effective_from")),
                    row.get("effective_to").isBlank() ? null : date(row.get("effective_to")), row.get("tax_name"),
                    new BigDecimal(row.get("import_tax_rate_pct")), TaxCollection.fromKey(row.get("tax_collection")),
                    money(row.get("checkout_ceiling"), row.get("checkout_ceiling_currency")),
                    threshold(row.get("duty_de_minimis"), row.get("duty_de_minimis_currency"), row.get("duty_basis")),
                    threshold(row.get("tax_de_minimis"), row.get("tax_de_minimis_currency"), row.get("tax_basis")),
                    money(row.get("flat_duty_per_category"), row.get("flat_duty_currency")), prohibited,
                    row.get("source"), row.get("as_of"), row.get("confidence"), row.get("notes"));
        }).toList();
    }

    private static List<CsvRecords.Row> read(String resource) {
        try (var reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return CsvRecords.read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant date(String value) {
        return LocalDate.parse(value.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static @Nullable BigDecimal decimal(String value) {
        return value.isBlank() ? null : new BigDecimal(value.strip());
    }

    private static @Nullable Money money(String amount, String currency) {
        return amount.isBlank() ? null : Money.of(new BigDecimal(amount.strip()), CurrencyCode.of(currency.strip()));
    }

    private static @Nullable Threshold threshold(String amount, String currency, String basis) {
        Money money = money(amount, currency);
        return money == null ? null : new Threshold(money, ValueBasis.fromKey(basis));
    }
}
