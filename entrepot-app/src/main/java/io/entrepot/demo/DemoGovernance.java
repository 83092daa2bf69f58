package io.entrepot.demo;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessPurpose;
import io.entrepot.governance.AccessScope;
import io.entrepot.ledger.Statements;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's operator access, made through the real grant path: finance asked to see Lumen Home's
 * books for a payout dispute, compliance approved, finance read this month's statement (so Lumen's
 * access log at {@code /seller/access-log} has an entry); support's request for Hanoi Silk House's
 * orders waits for approval in {@code /console/access-grants}.
 */
@Component
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoGovernance {

    private final AccessGrants grants;
    private final Statements statements;
    private final Clock clock;

    DemoGovernance(AccessGrants grants, Statements statements, Clock clock) {
        this.grants = grants;
        this.statements = statements;
        this.clock = clock;
    }

    void write(Map<String, UUID> refs) {
        if (!refs.keySet().containsAll(List.of("finance", "compliance", "support"))) {
            return; // demo data from before these staff were seeded
        }
        SellerId lumen = new SellerId(refs.get("lumen"));
        var finance = new Actor.Operator(refs.get("finance"), Set.of(OperatorRole.FINANCE));
        var compliance = new Actor.Operator(refs.get("compliance"), Set.of(OperatorRole.COMPLIANCE));
        var support = new Actor.Operator(refs.get("support"), Set.of(OperatorRole.SUPPORT));
        var grant = ActorContext.callAs(finance, () -> grants.request(new AccessGrants.NewGrant(lumen, Set.of(AccessScope.LEDGER),
                AccessPurpose.DISPUTE, "DSP-2026-0142 payout amount disputed by the seller", 24, false)));
        ActorContext.callAs(compliance, () -> grants.approve(grant.id()));
        YearMonth month = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        ActorContext.callAs(finance, () -> statements.ofUnderGrant(lumen, month, CurrencyCode.of("CNY")));
        ActorContext.callAs(support, () -> grants.request(new AccessGrants.NewGrant(new SellerId(refs.get("silk")), Set.of(AccessScope.ORDERS),
                AccessPurpose.SELLER_SUPPORT, "SUP-8841 seller asks why an order shows as late", 8, false)));
    }
}
