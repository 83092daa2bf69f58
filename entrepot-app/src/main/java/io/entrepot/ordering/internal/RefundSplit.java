package io.entrepot.ordering.internal;

import io.entrepot.ledger.Fees;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a refund of a captured seller order is split: the amount is allocated over what is left of the
 * goods, shipping and duty-and-tax, in proportion (no minor unit lost, and never more of a part than is
 * left of it); commission and payment fee are given back in proportion to the goods refunded (rounded
 * down; the last refund gives back exactly what is left of them); what remains of the goods part is taken
 * back from the seller, converted at the rate recorded at capture (rounded down, and exactly the rest on
 * the last refund). So a fully refunded order leaves the seller and the platform's revenue at zero.
 */
public record RefundSplit(Money goods, Money shipping, Money dutyAndTax, Money feesBack, Money sellerPart) {

    /** A seller order's captured amounts and what earlier refunds (not failed) took of them, in the market currency. */
    public record Captured(Money goods, Money shipping, Money dutyAndTax, Money commission, Money paymentFee, Money goodsRefunded,
            Money shippingRefunded, Money dutyAndTaxRefunded, Money feesGivenBack) {

        Money left() {
            return goods.minus(goodsRefunded).plus(shipping.minus(shippingRefunded)).plus(dutyAndTax.minus(dutyAndTaxRefunded));
        }
    }

    public static RefundSplit of(Money amount, Captured c) {
        Money left = c.left();
        if (amount.compareTo(left) > 0 || amount.minor() <= 0) {
            throw new IllegalArgumentException("a refund is between one minor unit and the " + left + " left");
        }
        Money[] parts = amount.allocate(c.goods().minus(c.goodsRefunded()).minor(), c.shipping().minus(c.shippingRefunded()).minor(),
                c.dutyAndTax().minus(c.dutyAndTaxRefunded()).minor());
        boolean last = amount.equals(left);
        Money feesBack = last ? c.commission().plus(c.paymentFee()).minus(c.feesGivenBack())
                : Fees.givenBack(c.commission(), c.goods(), parts[0]).plus(Fees.givenBack(c.paymentFee(), c.goods(), parts[0]));
        return new RefundSplit(parts[0], parts[1], parts[2], feesBack, parts[0].minus(feesBack));
    }

    /** The split of a refund of a captured seller order, given what earlier refunds (not failed) took of it. */
    public static RefundSplit of(Money amount, OrderStore.SellerOrderRow so, OrderStore.Refunded before) {
        CurrencyCode c = CurrencyCode.of(so.currency());
        return of(amount, new Captured(new Money(so.goodsMinor(), c), new Money(so.shippingMinor(), c), new Money(so.dutyMinor() + so.taxMinor(), c),
                new Money(so.commissionMinor(), c), new Money(so.paymentFeeMinor(), c), new Money(before.goods(), c), new Money(before.shipping(), c),
                new Money(before.dutyAndTax(), c), new Money(before.feesBack(), c)));
    }

    /** {@link #sellerPartPayout(BigDecimal, CurrencyCode, boolean, Money, Money)} at the seller order's recorded rate and net payout. */
    public Money sellerPartPayout(OrderStore.SellerOrderRow so, OrderStore.Refunded before, boolean last) {
        CurrencyCode p = CurrencyCode.of(so.payoutCurrency());
        return sellerPartPayout(java.util.Objects.requireNonNull(so.fxRate()), p, last, new Money(java.util.Objects.requireNonNull(so.netPayoutMinor()), p),
                new Money(before.sellerPart(), p));
    }

    /** A refund as it was split and stored. */
    public static RefundSplit stored(Money goods, Money shipping, Money dutyAndTax, Money feesBack) {
        return new RefundSplit(goods, shipping, dutyAndTax, feesBack, goods.minus(feesBack));
    }

    /**
     * The seller's part in its payout currency: converted at the recorded rate, rounded down and never
     * more than is left; the last refund takes exactly what is left of the seller's net.
     */
    public Money sellerPartPayout(BigDecimal rate, CurrencyCode payout, boolean last, Money netPayout, Money alreadyTakenBack) {
        if (last) {
            return netPayout.minus(alreadyTakenBack);
        }
        if (payout.equals(sellerPart.currency())) {
            return sellerPart;
        }
        Money converted = sellerPart.converted(rate, payout, RoundingMode.DOWN);
        Money left = netPayout.minus(alreadyTakenBack);
        return converted.compareTo(left) > 0 ? left : converted;
    }
}
