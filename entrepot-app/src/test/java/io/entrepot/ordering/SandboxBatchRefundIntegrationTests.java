package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.ordering.internal.PaymentProvider;
import io.entrepot.ordering.internal.PaymentProvider.RefundCall;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Money;
import io.entrepot.support.IntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sandbox provider's batch refunds answer as the same refunds asked one after the other would. */
@IntegrationTest
class SandboxBatchRefundIntegrationTests {

    @Autowired
    PaymentProvider provider;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aBatchTakesEachRefundInTurnFromWhatIsLeftKeepsItsKeysAndRefusesWhatASingleRefundWould() {
        String paid = captured("tok_visa", 10_000);
        String refusing = captured("tok_refund_fails", 5_000);
        String run = UUID.randomUUID().toString();
        List<RefundCall> batch = List.of(new RefundCall(run + ":1", paid, Money.ofMinor(3_000, "PHP")),
                new RefundCall(run + ":2", paid, Money.ofMinor(4_000, "PHP")),
                new RefundCall(run + ":3", refusing, Money.ofMinor(1_000, "PHP")),
                new RefundCall(run + ":4", paid, Money.ofMinor(5_000, "PHP")),
                new RefundCall(run + ":5", paid, Money.ofMinor(3_000, "PHP")),
                new RefundCall(run + ":6", "pay_unknown", Money.ofMinor(1, "PHP")),
                new RefundCall(run + ":1", paid, Money.ofMinor(3_000, "PHP")));
        List<PaymentProvider.Result> answers = provider.refundAll(batch);
        assertThat(answers).extracting(PaymentProvider.Result::outcome).containsExactly("refunded", "refunded", "refund_refused",
                "amount_exceeds_balance_or_unknown_payment", "refunded", "amount_exceeds_balance_or_unknown_payment", "refunded");
        assertThat(refunded(paid)).as("3,000 + 4,000 + 3,000; the 5,000 did not fit; the repeated key is one refund").isEqualTo(10_000);
        assertThat(refunded(refusing)).isZero();
        assertThat(events(paid)).as("one webhook per refund").isEqualTo(3);

        List<PaymentProvider.Result> again = provider.refundAll(List.of(new RefundCall(run + ":2", paid, Money.ofMinor(4_000, "PHP")),
                new RefundCall(run + ":4", paid, Money.ofMinor(5_000, "PHP")), new RefundCall(run + ":5", paid, Money.ofMinor(9, "PHP"))));
        assertThat(again).extracting(PaymentProvider.Result::outcome).as("a key answers its first answer; reused for another request it is refused")
                .containsExactly("refunded", "amount_exceeds_balance_or_unknown_payment", "idempotency_key_reused");
        assertThat(refunded(paid)).isEqualTo(10_000);
        assertThat(events(paid)).isEqualTo(3);
        assertThat(provider.refund(run + ":3", refusing, Money.ofMinor(1_000, "PHP")).outcome()).as("the single call replays the batch's answer")
                .isEqualTo("refund_refused");
    }

    private String captured(String token, long amount) {
        String key = UUID.randomUUID().toString();
        String ref = provider.authorize(key + ":authorize", token, Money.ofMinor(amount, "PHP")).paymentRef();
        assertThat(provider.capture(key + ":capture", ref, Money.ofMinor(amount, "PHP")).approved()).isTrue();
        return ref;
    }

    private long refunded(String ref) {
        return ActorContext.callAs(Actor.system("test"), () -> jdbc.sql("select refunded_minor from psp_sandbox.payment where id = :id").param("id", ref)
                .query(Long.class).single());
    }

    private long events(String ref) {
        return ActorContext.callAs(Actor.system("test"), () -> jdbc.sql("select count(*) from psp_sandbox.webhook where payment_id = :id and type = 'payment.refunded'")
                .param("id", ref).query(Long.class).single());
    }
}
