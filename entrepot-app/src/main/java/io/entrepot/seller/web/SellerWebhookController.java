package io.entrepot.seller.web;

import io.entrepot.seller.SellerWebhooks;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: webhooks")
class SellerWebhookController {

    private final SellerWebhooks webhooks;

    SellerWebhookController(SellerWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    record EndpointRequest(@NotBlank @Size(max = 500) String url) {
    }

    @PutMapping("/api/v1/seller/webhook")
    @Operation(summary = "Set the seller's webhook endpoint (https); answers a new signing secret, shown this once. Messages are signed: "
            + "Entrepot-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"t.body\">, with Entrepot-Event-Id to drop repeats")
    SellerWebhooks.Endpoint register(@Valid @RequestBody EndpointRequest request) {
        return webhooks.register(ActorContext.currentSeller(), request.url());
    }

    @GetMapping("/api/v1/seller/webhook")
    @Operation(summary = "The seller's webhook endpoint (without its secret)")
    SellerWebhooks.Endpoint endpoint() {
        return webhooks.endpoint(ActorContext.currentSeller()).orElseThrow(() -> new NotFoundException("webhook endpoint", "of this seller"));
    }
}
