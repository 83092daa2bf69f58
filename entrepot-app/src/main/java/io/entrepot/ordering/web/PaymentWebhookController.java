package io.entrepot.ordering.web;

import io.entrepot.ordering.internal.PaymentWebhooks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payment provider webhooks")
class PaymentWebhookController {

    private final PaymentWebhooks webhooks;

    PaymentWebhookController(PaymentWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping("/api/v1/payments/sandbox/webhooks")
    @Operation(summary = "Payment events from the provider, signed (Entrepot-Signature: t=…,v1=HMAC-SHA256); duplicates are harmless")
    Map<String, Object> receive(@RequestHeader(name = "Entrepot-Signature", required = false) @Nullable String signature, @RequestBody String payload) {
        return Map.of("received", true, "duplicate", !webhooks.receive(payload, signature == null ? "" : signature));
    }
}
