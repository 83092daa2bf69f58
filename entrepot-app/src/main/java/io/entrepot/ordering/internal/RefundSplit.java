package io.entrepot.ordering.internal;

import io.entrepot.ledger.Fees;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How a refund of a captured seller order is split: the amount is allocated over goods, shipping and
 * duty-and-tax in proportion (no minor unit lost); commission and payment fee are given back in
 * proportion to the goods refunded (rounded down); what remains of the goods part is taken back from the
 * seller, converted at the rate recorded at capture (rounded down, and exactly the rest on the last
 * refund, so a fully refunded seller ends at zero).
 */
public record RefundSplit(Money goods, Money shipping, Money dutyAndTax, Money feesBack, Money sellerPart) {

    /** The parts of a refund of {@code amount} of a seller order with these captured amounts (market currency). */
    public static RefundSplit of(Money amount, Money goods, Money shipping, Money dutyAndTax, Money commission, Money paymentFee) {
        Money[] parts = amount.allocate(goods.minor(), shipping.minor(), dutyAndTax.minor());
        Money feesBack = Fees.givenBack(commission, goods, parts[0]).plus(Fees.givenBack(paymentFee, goods, parts[0]));
        return new RefundSplit(parts[0], parts[1], parts[2], feesBack, parts[0].minus(feesBack));
    }

    /**
     * The seller's part in its payout currency: converted at the recorded rate, rounded down; the last
     * refund (nothing left to refund after it) takes exactly what is left of the seller's net.
     */
    public Money sellerPartPayout(BigDecimal rate, CurrencyCode payout, boolean last, Money netPayout, Money alreadyTakenBack) {
        if (last) {
            return netPayout.minus(alreadyTakenBack);
        }
        Money converted = Money.of(sellerPart.toDecimal().multiply(rate).setScale(payout.minorUnits(), RoundingMode.DOWN), payout);
        Money left = netPayout.minus(alreadyTakenBack);
        return converted.compareTo(left) > 0 ? left : converted;
    }
}
