package io.entrepot.ordering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.entrepot.ledger.AccountRef;
import io.entrepot.ledger.JournalEntry;
import io.entrepot.ledger.Posting;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY 6 at the order level: random captures followed by random sequences of partial refunds, in
 * and between JPY, EUR, KWD and IDR. After every step every entry balances per currency, the seller is
 * never owed less than nothing, the platform never gives back more commission and fees than it took,
 * and a fully refunded order leaves the seller, the provider's cash, the tax authority and the carrier at
 * exactly zero.
 */
class OrderAccountingPropertyTests {

    private static final List<CurrencyCode> CURRENCIES = List.of(CurrencyCode.of("JPY"), CurrencyCode.of("EUR"), CurrencyCode.of("KWD"),
            CurrencyCode.of("IDR"));

    @Test
    void captureAndRandomRefundsKeepEveryLedgerInvariant() {
        qt().withExamples(400)
                .forAll(integers().between(0, 15), lists().of(longs().between(0, 1_000_000_000L)).ofSize(4),
                        lists().of(integers().between(1, 100)).ofSizeBetween(1, 6))
                .checkAssert((pair, amounts, fractions) -> {
                    long goodsMinor = Math.max(1, amounts.get(0));
                    long shippingMinor = amounts.get(1) % 5_000_000L;
                    long dutyTaxMinor = amounts.get(2) % 5_000_000L;
                    long rateMillionths = 1 + amounts.get(3) % 200_000_000L;
                    CurrencyCode c = CURRENCIES.get(pair / 4);
                    CurrencyCode p = CURRENCIES.get(pair % 4);
                    BigDecimal rate = c.equals(p) ? BigDecimal.ONE : BigDecimal.valueOf(rateMillionths, 6).setScale(15, RoundingMode.HALF_UP);
                    SellerId seller = new SellerId(UUID.randomUUID());
                    Money goods = new Money(goodsMinor, c);
                    Money commission = new Money(goodsMinor * 8 / 100, c);
                    Money fee = new Money(goodsMinor * 29 / 1000, c);
                    Money shipping = new Money(shippingMinor, c);
                    Money dutyTax = new Money(dutyTaxMinor, c);
                    Money total = goods.plus(shipping).plus(dutyTax);
                    Money net = goods.minus(commission).minus(fee);
                    Money netPayout = Money.of(net.toDecimal().multiply(rate).setScale(p.minorUnits(), RoundingMode.HALF_UP), p);
                    Map<AccountRef, Long> balances = new HashMap<>();
                    apply(balances, OrderAccounting.captured(new OrderAccounting.Capture("so", "PH", "sandbox", "air", seller, total, dutyTax,
                            shipping, commission, fee, net, netPayout, rate)));
                    AccountRef pending = OrderAccounting.sellerPending(seller, p);
                    assertThat(-balances.getOrDefault(pending, 0L)).isEqualTo(netPayout.minor());

                    long refunded = 0;
                    Money takenBack = Money.zero(p);
                    Money feesGiven = Money.zero(c);
                    Money goodsGiven = Money.zero(c);
                    Money shippingGiven = Money.zero(c);
                    Money dutyTaxGiven = Money.zero(c);
                    for (int i = 0; i < fractions.size() && refunded < total.minor(); i++) {
                        long remaining = total.minor() - refunded;
                        boolean last = i == fractions.size() - 1;
                        long amount = last ? remaining : Math.max(1, remaining * fractions.get(i) / 100);
                        last = amount == remaining;
                        RefundSplit split = RefundSplit.of(new Money(amount, c), new RefundSplit.Captured(goods, shipping, dutyTax, commission, fee,
                                goodsGiven, shippingGiven, dutyTaxGiven, feesGiven));
                        feesGiven = feesGiven.plus(split.feesBack());
                        goodsGiven = goodsGiven.plus(split.goods());
                        shippingGiven = shippingGiven.plus(split.shipping());
                        dutyTaxGiven = dutyTaxGiven.plus(split.dutyAndTax());
                        Money part = split.sellerPartPayout(rate, p, last, netPayout, takenBack);
                        apply(balances, OrderAccounting.refunded(new OrderAccounting.Refund("r" + i, "so", "PH", "sandbox", "air", seller,
                                new Money(amount, c), split.dutyAndTax(), split.shipping(), split.feesBack(), split.sellerPart(), part, rate, pending)));
                        refunded += amount;
                        takenBack = takenBack.plus(part);
                        assertThat(-balances.getOrDefault(pending, 0L)).as("seller owed never below zero").isNotNegative();
                        assertThat(balances.getOrDefault(AccountRef.platform(AccountRef.Kind.REVENUE, c), 0L)).as("fees given back ≤ taken")
                                .isNotPositive();
                        assertThat(balances.getOrDefault(OrderAccounting.providerCash("sandbox", c), 0L)).as("refunds ≤ captured").isNotNegative();
                    }
                    if (refunded == total.minor()) {
                        assertThat(balances.getOrDefault(pending, 0L)).as("fully refunded seller").isZero();
                        assertThat(balances.getOrDefault(AccountRef.platform(AccountRef.Kind.REVENUE, c), 0L)).as("fees all given back").isZero();
                        assertThat(balances.getOrDefault(OrderAccounting.providerCash("sandbox", c), 0L)).isZero();
                        assertThat(balances.getOrDefault(OrderAccounting.taxAuthority("PH", c), 0L)).isZero();
                        assertThat(balances.getOrDefault(OrderAccounting.carrier("air", c), 0L)).isZero();
                    }
                });
    }

    /** Folds an entry into the balances; the entry's constructor has already refused an unbalanced one. */
    private static void apply(Map<AccountRef, Long> balances, JournalEntry entry) {
        Map<CurrencyCode, Long> perCurrency = new HashMap<>();
        for (Posting posting : entry.postings()) {
            balances.merge(posting.account(), posting.amount().minor(), Math::addExact);
            perCurrency.merge(posting.amount().currency(), posting.amount().minor(), Math::addExact);
        }
        perCurrency.values().forEach(sum -> assertThat(sum).isZero());
    }
}
