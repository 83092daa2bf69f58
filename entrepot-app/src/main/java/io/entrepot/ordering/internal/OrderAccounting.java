package io.entrepot.ordering.internal;

import io.entrepot.ledger.AccountRef;
import io.entrepot.ledger.AccountRef.Kind;
import io.entrepot.ledger.AccountRef.OwnerType;
import io.entrepot.ledger.JournalEntry;
import io.entrepot.ledger.Posting;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The journal entries of an order's life, one named method per event. The buyer's money is in the
 * market's currency; the seller's share is credited in the seller's payout currency through two FX
 * legs at the recorded rate; tax and duty collected at checkout are owed to the market's authority,
 * shipping to the carrier, commission and payment fee are the platform's revenue.
 */
public final class OrderAccounting {

    private OrderAccounting() {
    }

    static AccountRef buyerClearing(String market, CurrencyCode c) {
        return AccountRef.of(OwnerType.BUYER_CLEARING, market, Kind.CLEARING, c);
    }

    static AccountRef providerReceivable(String provider, CurrencyCode c) {
        return AccountRef.of(OwnerType.PAYMENT_PROVIDER, provider, Kind.RECEIVABLE, c);
    }

    static AccountRef providerCash(String provider, CurrencyCode c) {
        return AccountRef.of(OwnerType.PAYMENT_PROVIDER, provider, Kind.CASH, c);
    }

    static AccountRef taxAuthority(String market, CurrencyCode c) {
        return AccountRef.of(OwnerType.TAX_AUTHORITY, market, Kind.TAX_PAYABLE, c);
    }

    static AccountRef carrier(String carrierService, CurrencyCode c) {
        return AccountRef.of(OwnerType.CARRIER, carrierService, Kind.CLEARING, c);
    }

    public static AccountRef sellerPending(SellerId seller, CurrencyCode c) {
        return AccountRef.seller(seller, Kind.PAYABLE_PENDING, c);
    }

    public static AccountRef sellerAvailable(SellerId seller, CurrencyCode c) {
        return AccountRef.seller(seller, Kind.PAYABLE_AVAILABLE, c);
    }

    /** The buyer's payment is authorized: the provider owes us what the buyer owes the sellers. */
    public static JournalEntry authorized(String orderId, String market, String provider, Money total) {
        return new JournalEntry("payment authorized for order " + orderId, "order", orderId, "order:" + orderId + ":authorized",
                List.of(Posting.debit(providerReceivable(provider, total.currency()), total),
                        Posting.credit(buyerClearing(market, total.currency()), total)));
    }

    /** An authorization (or part of it) is voided: the seller order will not be paid. */
    public static JournalEntry voided(String sellerOrderId, String market, String provider, Money amount) {
        return new JournalEntry("authorization voided for seller order " + sellerOrderId, "seller_order", sellerOrderId,
                "seller-order:" + sellerOrderId + ":voided",
                List.of(Posting.debit(buyerClearing(market, amount.currency()), amount),
                        Posting.credit(providerReceivable(provider, amount.currency()), amount)));
    }

    /** What a captured seller order is made of, in the market currency, and the seller's share in the payout currency. */
    public record Capture(String sellerOrderId, String market, String provider, String carrierService, SellerId seller, Money total, Money dutyAndTax,
            Money shipping, Money commission, Money paymentFee, Money sellerNet, Money sellerNetPayout, BigDecimal rate) {
    }

    public static JournalEntry captured(Capture c) {
        CurrencyCode cur = c.total().currency();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.debit(buyerClearing(c.market(), cur), c.total()));
        postings.add(Posting.credit(providerReceivable(c.provider(), cur), c.total()));
        postings.add(Posting.debit(providerCash(c.provider(), cur), c.total()));
        addCredit(postings, taxAuthority(c.market(), cur), c.dutyAndTax());
        addCredit(postings, carrier(c.carrierService(), cur), c.shipping());
        addCredit(postings, AccountRef.platform(Kind.REVENUE, cur), c.commission().plus(c.paymentFee()));
        toSeller(postings, sellerPending(c.seller(), c.sellerNetPayout().currency()), c.sellerNet(), c.sellerNetPayout(), c.rate(), -1);
        return new JournalEntry("seller order " + c.sellerOrderId() + " captured on shipment", "seller_order", c.sellerOrderId(),
                "seller-order:" + c.sellerOrderId() + ":captured", postings);
    }

    /** The return window has passed: the seller's share becomes available. */
    public static JournalEntry released(String sellerOrderId, SellerId seller, Money amount) {
        return new JournalEntry("seller order " + sellerOrderId + " released after the return window", "seller_order", sellerOrderId,
                "seller-order:" + sellerOrderId + ":released",
                List.of(Posting.debit(sellerPending(seller, amount.currency()), amount),
                        Posting.credit(sellerAvailable(seller, amount.currency()), amount)));
    }

    /** A refund's parts: goods (seller's part, commission and fee given back), shipping, duty and tax. */
    public record Refund(String refundId, String sellerOrderId, String market, String provider, String carrierService, SellerId seller,
            Money amount, Money dutyAndTax, Money shipping, Money feesBack, Money sellerPart, Money sellerPartPayout, BigDecimal rate,
            AccountRef takenFrom) {
    }

    /**
     * The entry of a refund the provider made, from the refund as it was split and stored: the seller's
     * part is taken from its available funds once the seller order was released, else from pending.
     */
    public static JournalEntry refunded(OrderStore.RefundRow refund, OrderStore.SellerOrderRow so, String provider) {
        CurrencyCode c = CurrencyCode.of(so.currency());
        CurrencyCode p = CurrencyCode.of(so.payoutCurrency());
        SellerId seller = new SellerId(so.sellerId());
        RefundSplit split = RefundSplit.stored(new Money(refund.goodsPart(), c), new Money(refund.shippingPart(), c),
                new Money(refund.dutyTaxPart(), c), new Money(refund.feesBack(), c));
        var takenFrom = so.status().equals("released") ? sellerAvailable(seller, p) : sellerPending(seller, p);
        return refunded(new Refund(refund.id().toString(), so.id().toString(), so.market(), provider, so.carrierService(), seller,
                new Money(refund.amountMinor(), c), split.dutyAndTax(), split.shipping(), split.feesBack(), split.sellerPart(),
                new Money(refund.sellerPart(), p), java.util.Objects.requireNonNull(so.fxRate()), takenFrom));
    }

    public static JournalEntry refunded(Refund r) {
        CurrencyCode cur = r.amount().currency();
        List<Posting> postings = new ArrayList<>();
        postings.add(Posting.credit(providerCash(r.provider(), cur), r.amount()));
        addDebit(postings, taxAuthority(r.market(), cur), r.dutyAndTax());
        addDebit(postings, carrier(r.carrierService(), cur), r.shipping());
        addDebit(postings, AccountRef.platform(Kind.REVENUE, cur), r.feesBack());
        toSeller(postings, r.takenFrom(), r.sellerPart(), r.sellerPartPayout(), r.rate(), +1);
        return new JournalEntry("refund " + r.refundId() + " of seller order " + r.sellerOrderId(), "refund", r.refundId(),
                "refund:" + r.refundId(), postings);
    }

    /**
     * Moves the seller's share between the market currency and the seller's account in its payout
     * currency: direction -1 credits the seller (capture), +1 debits it (refund).
     */
    private static void toSeller(List<Posting> postings, AccountRef sellerAccount, Money inMarket, Money inPayout, BigDecimal rate, int direction) {
        CurrencyCode market = inMarket.currency();
        if (market.equals(inPayout.currency())) {
            if (!inMarket.equals(inPayout)) {
                throw new IllegalStateException("the seller's share is " + inMarket + " but " + inPayout + " in the same currency");
            }
            if (!inMarket.isZero()) {
                postings.add(new Posting(sellerAccount, direction < 0 ? inMarket.negate() : inMarket));
            }
            return;
        }
        if (!inMarket.isZero()) {
            postings.add(Posting.fxLeg(AccountRef.platform(Kind.FX_CONVERSION, market), direction < 0 ? inMarket.negate() : inMarket, rate));
        }
        if (!inPayout.isZero()) {
            postings.add(Posting.fxLeg(AccountRef.platform(Kind.FX_CONVERSION, inPayout.currency()), direction < 0 ? inPayout : inPayout.negate(), rate));
            postings.add(new Posting(sellerAccount, direction < 0 ? inPayout.negate() : inPayout));
        }
    }

    private static void addCredit(List<Posting> postings, AccountRef account, Money amount) {
        if (!amount.isZero()) {
            postings.add(Posting.credit(account, amount));
        }
    }

    private static void addDebit(List<Posting> postings, AccountRef account, Money amount) {
        if (!amount.isZero()) {
            postings.add(Posting.debit(account, amount));
        }
    }
}
