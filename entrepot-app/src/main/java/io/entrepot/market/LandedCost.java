package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Import duty and import tax of one parcel (one seller's goods to one buyer) by the trade-rule version
 * in force: de minimis thresholds on their value basis, who collects (the platform at checkout, or the
 * buyer at the border or to the courier, then only an estimate), flat duties per tariff chapter and
 * dated, origin-dependent duty rates. A duty with no known rate is {@link Status#UNKNOWN}, never zero.
 */
public final class LandedCost {

    private LandedCost() {
    }

    /** What a component of the landed cost means for the buyer. */
    public enum Status {
        /** Charged by the platform at checkout. */
        CHARGED,
        /** Due at the border (or to the courier): shown as an estimate, not charged. */
        ESTIMATE,
        /** Not due under the rules (below a de minimis, or a zero rate). */
        NOT_DUE,
        /** No rate is known: the amount cannot be stated. */
        UNKNOWN,
        /** Part of another component (a courier's bundled rate). */
        INCLUDED
    }

    /** One SKU line of a parcel, priced in the market's currency. */
    public record Item(String hsChapter, Money unitPrice, int quantity) {
        public Item {
            Objects.requireNonNull(hsChapter, "hsChapter");
            if (quantity < 1) {
                throw new IllegalArgumentException("an item's quantity is at least 1");
            }
        }

        public Money total() {
            return unitPrice.times(quantity);
        }
    }

    /** One seller's goods shipped together from one origin, with the shipping charged for them. */
    public record Parcel(String originCountry, List<Item> items, Money shipping) {
        public Parcel {
            if (items == null || items.isEmpty()) {
                throw new IllegalArgumentException("a parcel has at least one item");
            }
            items = List.copyOf(items);
        }

        public CurrencyCode currency() {
            return shipping.currency();
        }

        public Money goods() {
            return items.stream().map(Item::total).reduce(Money.zero(currency()), Money::plus);
        }
    }

    /** A duty or tax: its status, amount (zero unless charged or estimated) and why. */
    public record Component(Status status, Money amount, String explanation) {
    }

    /** The assessment of a parcel. */
    public record Assessment(Component duty, Component tax, String taxName, BigDecimal taxRatePct, boolean collectedAtCheckout,
            String rulesSource) {

        /** What the platform charges at checkout for duty and tax. */
        public Money atCheckout() {
            return charged(duty).plus(charged(tax));
        }

        /** What the buyer is expected to pay at the border or to the courier (known part only). */
        public Money borderEstimate() {
            return estimated(duty).plus(estimated(tax));
        }

        private static Money charged(Component c) {
            return c.status() == Status.CHARGED ? c.amount() : Money.zero(c.amount().currency());
        }

        private static Money estimated(Component c) {
            return c.status() == Status.ESTIMATE ? c.amount() : Money.zero(c.amount().currency());
        }
    }

    /** Finds the duty rate for goods of a tariff chapter from an origin, if one is known. */
    @FunctionalInterface
    public interface DutyRates {
        Optional<DutyRate> find(String hsChapter, String originCountry);
    }

    /** Converts a threshold or flat amount into the market's currency. */
    @FunctionalInterface
    public interface Converter {
        Money convert(Money amount, CurrencyCode to);
    }

    public static Assessment assess(TradeRules rules, Parcel parcel, DutyRates duties, Converter fx) {
        CurrencyCode currency = parcel.currency();
        Money goods = parcel.goods();
        String collector;
        boolean atCheckout;
        switch (rules.collection()) {
            case PLATFORM_AT_CHECKOUT -> {
                Money ceiling = rules.checkoutCeiling() == null ? null : fx.convert(rules.checkoutCeiling(), currency);
                atCheckout = ceiling == null || goods.compareTo(ceiling) <= 0;
                collector = atCheckout ? "collected by the platform at checkout"
                        : "goods " + goods + " above the checkout ceiling " + ceiling + ": paid by the buyer at the border";
            }
            case BORDER -> {
                atCheckout = false;
                collector = "paid by the buyer at the border";
            }
            case COURIER -> {
                atCheckout = false;
                collector = "paid by the buyer to the courier at clearance";
            }
            default -> throw new IllegalStateException("unknown collection " + rules.collection());
        }
        Status due = atCheckout ? Status.CHARGED : Status.ESTIMATE;

        Component duty = duty(rules, parcel, duties, fx, due, collector);
        Component tax;
        if (rules.collection() == TaxCollection.COURIER) {
            tax = new Component(Status.INCLUDED, Money.zero(currency), rules.taxName() + " is included in the courier's bundled rate");
        } else if (rules.importTaxRatePct().signum() == 0) {
            tax = new Component(Status.NOT_DUE, Money.zero(currency), rules.taxName() + " at 0% under the rules in force");
        } else {
            Threshold threshold = rules.taxDeMinimis();
            Money exempt = threshold == null ? null : fx.convert(threshold.amount(), currency);
            Money measured = threshold == null ? null : measured(parcel, threshold.basis());
            if (!atCheckout && exempt != null && measured.compareTo(exempt) <= 0) {
                tax = new Component(Status.NOT_DUE, Money.zero(currency), rules.taxName() + " not due: " + basisName(threshold.basis())
                        + " " + measured + " is within the de minimis of " + exempt);
            } else {
                Money base = goods.plus(parcel.shipping());
                String baseText = "goods and shipping";
                if (duty.status() == Status.CHARGED || duty.status() == Status.ESTIMATE) {
                    base = base.plus(duty.amount());
                    baseText = "goods, shipping and duty";
                } else if (duty.status() == Status.UNKNOWN) {
                    baseText = "goods and shipping (the unknown duty not included)";
                }
                Money amount = percent(base, rules.importTaxRatePct());
                tax = new Component(due, amount, rules.taxName() + " " + rules.importTaxRatePct().stripTrailingZeros().toPlainString()
                        + "% of " + baseText + " " + base + ", " + collector);
            }
        }
        return new Assessment(duty, tax, rules.taxName(), rules.importTaxRatePct(), atCheckout, rules.source());
    }

    private static Component duty(TradeRules rules, Parcel parcel, DutyRates duties, Converter fx, Status due, String collector) {
        CurrencyCode currency = parcel.currency();
        Threshold threshold = rules.dutyDeMinimis();
        if (threshold != null) {
            Money exempt = fx.convert(threshold.amount(), currency);
            Money measured = measured(parcel, threshold.basis());
            if (measured.compareTo(exempt) <= 0) {
                return new Component(Status.NOT_DUE, Money.zero(currency), "duty not due: " + basisName(threshold.basis()) + " "
                        + measured + " is within the de minimis of " + exempt);
            }
        }
        if (rules.flatDutyPerCategory() != null) {
            var chapters = new TreeSet<String>();
            parcel.items().forEach(i -> chapters.add(i.hsChapter()));
            Money flat = fx.convert(rules.flatDutyPerCategory(), currency);
            return new Component(due, flat.times(chapters.size()), "flat duty of " + rules.flatDutyPerCategory() + " per tariff category × "
                    + chapters.size() + " (HS " + String.join(", ", chapters) + "), " + collector);
        }
        Money total = Money.zero(currency);
        List<String> parts = new ArrayList<>();
        var unknown = new TreeSet<String>();
        for (Item item : parcel.items()) {
            Optional<DutyRate> rate = duties.find(item.hsChapter(), parcel.originCountry());
            if (rate.isEmpty()) {
                unknown.add(item.hsChapter());
                continue;
            }
            Money amount = percent(item.total(), rate.get().ratePct());
            total = total.plus(amount);
            parts.add("HS " + item.hsChapter() + " " + rate.get().ratePct().stripTrailingZeros().toPlainString() + "% of " + item.total()
                    + " (" + rate.get().source() + ")");
        }
        if (!unknown.isEmpty()) {
            return new Component(Status.UNKNOWN, Money.zero(currency), "duty unknown: no duty rate is known for HS " + String.join(", ", unknown)
                    + " from " + parcel.originCountry() + " into this market");
        }
        String label = rules.collection() == TaxCollection.COURIER ? "courier bundled rate (duty and " + rules.taxName() + "): " : "duty: ";
        return new Component(due, total, label + String.join("; ", parts) + ", " + collector);
    }

    /** The value a threshold is compared with, on its basis. */
    static Money measured(Parcel parcel, ValueBasis basis) {
        return switch (basis) {
            case FOB, PER_CONSIGNMENT, NONE -> parcel.goods();
            case CIF, CUSTOMS_VALUE, GOODS_AND_FREIGHT -> parcel.goods().plus(parcel.shipping());
            case PER_ITEM -> parcel.items().stream().map(Item::unitPrice).max(Money::compareTo).orElseThrow();
        };
    }

    private static String basisName(ValueBasis basis) {
        return switch (basis) {
            case FOB -> "FOB value";
            case PER_CONSIGNMENT, NONE -> "consignment value";
            case CIF -> "CIF value";
            case CUSTOMS_VALUE -> "customs value";
            case GOODS_AND_FREIGHT -> "goods and freight";
            case PER_ITEM -> "highest item value";
        };
    }

    /** A percentage of an amount, rounded half up to the currency's minor unit. */
    private static Money percent(Money amount, BigDecimal pct) {
        return amount.percent(pct, RoundingMode.HALF_UP);
    }
}
