package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.ordering.internal.PaymentProvider;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Money;
import io.entrepot.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The sandbox provider's authorization: one payment and one webhook per key, the first answer again for a retry. */
@IntegrationTest
class SandboxAuthorizationIntegrationTests {

    @Autowired
    PaymentProvider provider;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anApprovedAuthorizationWritesOnePaymentAndOneWebhookAndARetryAnswersTheSame() {
        String key = "auth:" + UUID.randomUUID();
        var first = provider.authorize(key, "tok_visa", Money.ofMinor(12_345, "PHP"));
        assertThat(first.approved()).isTrue();
        assertThat(first.outcome()).isEqualTo("authorized");
        assertThat(first.paymentRef()).startsWith("pay_");
        assertThat(count("select count(*) from psp_sandbox.payment where id = :ref and token = 'tok_visa' and amount_minor = 12345"
                + " and currency = 'PHP' and status = 'authorized'", first.paymentRef())).isEqualTo(1);
        assertThat(count("select count(*) from psp_sandbox.webhook where payment_id = :ref and type = 'payment.authorized'"
                + " and deliver_at > occurred_at and delivered_at is null", first.paymentRef())).isEqualTo(1);
        assertThat(count("select count(*) from psp_sandbox.webhook_due d join psp_sandbox.webhook w on w.id = d.webhook_id"
                + " where w.payment_id = :ref and d.deliver_at = w.deliver_at", first.paymentRef())).as("queued for delivery").isEqualTo(1);
        assertThat(count("select count(*) from psp_sandbox.request where idempotency_key = :ref and response = '1|" + first.paymentRef()
                + "|authorized'", key)).isEqualTo(1);

        var again = provider.authorize(key, "tok_visa", Money.ofMinor(12_345, "PHP"));
        assertThat(again).isEqualTo(first);
        assertThat(count("select count(*) from psp_sandbox.webhook where payment_id = :ref", first.paymentRef())).isEqualTo(1);

        long otherAmount = 1_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        var other = provider.authorize(key, "tok_visa", Money.ofMinor(otherAmount, "PHP"));
        assertThat(other.approved()).isFalse();
        assertThat(other.outcome()).isEqualTo("idempotency_key_reused");
        assertThat(count("select count(*) from psp_sandbox.payment where amount_minor = " + otherAmount, null))
                .as("a refused retry writes nothing").isZero();
    }

    @Test
    void aDeclineWritesNoPaymentAndNoWebhookAndIsDeclinedAgainOnRetry() {
        String key = "auth:" + UUID.randomUUID();
        var declined = provider.authorize(key, "tok_decline_insufficient_funds", Money.ofMinor(500, "PHP"));
        assertThat(declined.approved()).isFalse();
        assertThat(declined.paymentRef()).isNull();
        assertThat(declined.outcome()).isEqualTo("insufficient_funds");
        assertThat(count("select count(*) from psp_sandbox.payment where token = 'tok_decline_insufficient_funds'", null)).isZero();
        assertThat(provider.authorize(key, "tok_decline_insufficient_funds", Money.ofMinor(500, "PHP"))).isEqualTo(declined);
        assertThat(count("select count(*) from psp_sandbox.request where idempotency_key = :ref and response = '0||insufficient_funds'", key))
                .isEqualTo(1);
    }

    @Test
    void concurrentCallsWithOneKeyAuthorizeOnce() throws Exception {
        String key = "auth:" + UUID.randomUUID();
        long amount = 2_000_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<PaymentProvider.Result>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(pool.submit(() -> provider.authorize(key, "tok_mastercard", Money.ofMinor(amount, "PHP"))));
            }
            List<PaymentProvider.Result> answers = new ArrayList<>();
            for (var call : calls) {
                answers.add(call.get());
            }
            assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.getFirst()));
            assertThat(answers.getFirst().approved()).isTrue();
            assertThat(count("select count(*) from psp_sandbox.payment where id = :ref", answers.getFirst().paymentRef())).isEqualTo(1);
            assertThat(count("select count(*) from psp_sandbox.payment where amount_minor = " + amount, null))
                    .as("one payment for the key, whoever claimed it").isEqualTo(1);
            assertThat(count("select count(*) from psp_sandbox.webhook where payment_id = :ref", answers.getFirst().paymentRef())).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private long count(String sql, String ref) {
        return ActorContext.callAs(Actor.system("test"), () -> {
            var statement = jdbc.sql(sql);
            if (ref != null) {
                statement = statement.param("ref", ref);
            }
            return statement.query(Long.class).single();
        });
    }
}
