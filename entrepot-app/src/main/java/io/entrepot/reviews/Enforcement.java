package io.entrepot.reviews;

import io.entrepot.reviews.internal.EnforcementStore;
import io.entrepot.reviews.internal.ReviewStore;
import io.entrepot.search.Search;
import io.entrepot.seller.Restriction;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.SellerWebhooks;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The enforcement ladder against sellers with confirmed fake reviews: each step is taken with its
 * reason, a notice and a signed webhook to the seller; the seller may appeal a step in the portal and a
 * moderator upholds or overturns it (after an overturn the fakes confirmed so far no longer count). When
 * confirmed fakes leave the rolling window, {@link #reevaluate} lifts the steps they no longer justify.
 */
@Service
public class Enforcement {

    private final ReviewStore reviews;
    private final EnforcementStore store;
    private final Sellers sellers;
    private final Search search;
    private final SellerWebhooks webhooks;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final EnforcementLadder ladder;

    Enforcement(ReviewStore reviews, EnforcementStore store, Sellers sellers, Search search, SellerWebhooks webhooks, TransactionTemplate tx, Clock clock,
            @Value("${entrepot.reviews.enforcement.window:P90D}") Duration window,
            @Value("${entrepot.reviews.enforcement.warning-at:1}") int warningAt,
            @Value("${entrepot.reviews.enforcement.penalty-at:3}") int penaltyAt,
            @Value("${entrepot.reviews.enforcement.restriction-at:10}") int restrictionAt,
            @Value("${entrepot.reviews.enforcement.suspension-at:25}") int suspensionAt,
            @Value("${entrepot.reviews.enforcement.penalty-factor:0.5}") BigDecimal penaltyFactor) {
        this.reviews = reviews;
        this.store = store;
        this.sellers = sellers;
        this.search = search;
        this.webhooks = webhooks;
        this.tx = tx;
        this.clock = clock;
        this.ladder = new EnforcementLadder(window, warningAt, penaltyAt, restrictionAt, suspensionAt, penaltyFactor);
    }

    public EnforcementLadder ladder() {
        return ladder;
    }

    /**
     * Brings the seller's steps in line with its confirmed fakes in the window: climbs one step at a
     * time to the rung they reach, or lifts the steps above it. Runs in the caller's transaction.
     */
    public void reevaluate(UUID seller) {
        Instant now = clock.instant();
        int fakes = ladder.fakesInWindow(reviews.confirmationsSince(seller, now.minus(ladder.window())), now);
        Optional<EnforcementStep> target = ladder.stepFor(fakes);
        List<EnforcementAction> active = store.actionsOf(seller).stream().filter(EnforcementAction::active).toList();
        int reached = active.stream().map(a -> EnforcementStep.fromKey(a.step()).ordinal()).max(Comparator.naturalOrder()).orElse(-1);
        int wanted = target.map(Enum::ordinal).orElse(-1);
        for (int step = reached + 1; step <= wanted; step++) {
            impose(seller, EnforcementStep.values()[step], fakes, now);
        }
        for (EnforcementAction action : active) {
            EnforcementStep step = EnforcementStep.fromKey(action.step());
            if (step.ordinal() > wanted) {
                lift(action, step, "%d confirmed fake reviews in the last %d days, below this step's %d".formatted(fakes, ladder.window().toDays(),
                        ladder.thresholdOf(step)), now);
            }
        }
    }

    private void impose(UUID seller, EnforcementStep step, int fakes, Instant now) {
        String reason = "%d confirmed fake reviews in the last %d days (this step from %d)".formatted(fakes, ladder.window().toDays(),
                ladder.thresholdOf(step));
        UUID id = Ids.newId(clock);
        store.insertAction(id, seller, step.key(), reason, fakes, now);
        SellerId sellerId = new SellerId(seller);
        switch (step) {
            case WARNING -> {
            }
            case RANKING_PENALTY -> search.setSellerRanking(seller, ladder.penaltyFactor(), "review integrity: " + reason);
            case RESTRICTION -> {
                sellers.restrict(sellerId, Restriction.CANNOT_JOIN_CAMPAIGNS, "review integrity: " + reason);
                sellers.restrict(sellerId, Restriction.CANNOT_PUBLISH, "review integrity: " + reason);
            }
            case SUSPENSION -> {
                if (sellers.get(sellerId).status() != SellerStatus.SUSPENDED) {
                    sellers.suspend(sellerId, "review integrity: " + reason);
                }
            }
        }
        tell(seller, "enforcement.step_taken", Map.of("action", id.toString(), "step", step.key(), "reason", reason),
                "Enforcement: " + describe(step), reason + ". You may appeal this step in the seller portal under Review integrity.", now);
    }

    private void lift(EnforcementAction action, EnforcementStep step, String because, Instant now) {
        UUID seller = action.sellerId();
        SellerId sellerId = new SellerId(seller);
        store.lift(action.id(), because, now);
        switch (step) {
            case WARNING -> {
            }
            case RANKING_PENALTY -> search.setSellerRanking(seller, BigDecimal.ONE, "review integrity penalty lifted: " + because);
            case RESTRICTION -> {
                sellers.lift(sellerId, Restriction.CANNOT_JOIN_CAMPAIGNS, "review integrity restriction lifted: " + because);
                sellers.lift(sellerId, Restriction.CANNOT_PUBLISH, "review integrity restriction lifted: " + because);
            }
            case SUSPENSION -> {
                if (sellers.get(sellerId).status() == SellerStatus.SUSPENDED) {
                    sellers.reinstate(sellerId, "review integrity suspension lifted: " + because);
                }
            }
        }
        tell(seller, "enforcement.step_lifted", Map.of("action", action.id().toString(), "step", step.key(), "reason", because),
                "Lifted: " + describe(step), because + ".", now);
    }

    private void tell(UUID seller, String event, Map<String, ?> payload, String subject, String body, Instant now) {
        store.notice(Ids.newId(clock), seller, subject, body, now);
        webhooks.enqueue(new SellerId(seller), event, payload);
    }

    private static String describe(EnforcementStep step) {
        return switch (step) {
            case WARNING -> "warning about fake reviews";
            case RANKING_PENALTY -> "search ranking penalty";
            case RESTRICTION -> "may not join campaigns nor publish offers";
            case SUSPENSION -> "store suspended";
        };
    }

    // The seller's side

    public List<EnforcementAction> actionsOf(SellerId seller) {
        return read(() -> store.actionsOf(seller.value()));
    }

    public List<EnforcementStore.Notice> noticesOf(SellerId seller) {
        return read(() -> store.notices(seller.value(), 100));
    }

    /** The seller appeals one of its steps in force; one open appeal per step. */
    public EnforcementAction appeal(SellerId seller, UUID actionId, String statement) {
        String text = statement == null ? "" : statement.strip();
        if (text.length() < 10 || text.length() > 4000) {
            throw new IllegalArgumentException("an appeal states its grounds in 10 to 4000 characters");
        }
        return write(() -> {
            EnforcementAction action = store.action(actionId).filter(a -> a.sellerId().equals(seller.value()))
                    .orElseThrow(() -> new NotFoundException("enforcement action", actionId));
            if (!action.active()) {
                throw new ConflictException("action-lifted", "this step was lifted on " + action.liftedAt() + "; there is nothing to appeal");
            }
            if (!store.insertAppeal(Ids.newId(clock), seller.value(), actionId, text, clock.instant())) {
                throw new ConflictException("appeal-open", "this step already has an open appeal");
            }
            store.notice(Ids.newId(clock), seller.value(), "Appeal received", "Your appeal against the " + action.step().replace('_', ' ')
                    + " is with trust & safety.", clock.instant());
            return store.action(actionId).orElseThrow();
        });
    }

    // Trust & safety's side

    public List<EnforcementAction> openAppeals() {
        return read(() -> store.openAppeals(200));
    }

    public List<EnforcementAction> recentActions() {
        return read(() -> store.recentActions(200));
    }

    public List<EnforcementAction> actionsOfSeller(UUID seller) {
        return read(() -> store.actionsOf(seller));
    }

    /**
     * Decides an open appeal. Overturned: the moderator found the evidence wanting, so none of the
     * seller's fakes confirmed so far counts any more, and the ladder is re-evaluated (which lifts every
     * step; later confirmations count afresh). Upheld: the step stays.
     */
    public EnforcementAction decideAppeal(UUID appealId, boolean overturn, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new IllegalArgumentException("a decision on an appeal needs a reason of 1 to 500 characters");
        }
        String moderator = ActorContext.currentName();
        return write(() -> {
            var appeal = store.appeal(appealId).orElseThrow(() -> new NotFoundException("appeal", appealId));
            if (!store.decideAppeal(appealId, overturn ? "overturned" : "upheld", moderator, reason.strip(), clock.instant())) {
                throw new ConflictException("appeal-decided", "this appeal was already decided (" + appeal.status() + ")");
            }
            if (overturn) {
                reviews.excuseFakesUpTo(appeal.sellerId(), clock.instant(), clock.instant());
                reevaluate(appeal.sellerId());
            }
            store.notice(Ids.newId(clock), appeal.sellerId(), "Appeal " + (overturn ? "granted" : "refused"), reason.strip(), clock.instant());
            webhooks.enqueue(new SellerId(appeal.sellerId()), "enforcement.appeal_decided",
                    Map.of("appeal", appealId.toString(), "decision", overturn ? "overturned" : "upheld", "reason", reason.strip()));
            return store.action(appeal.actionId()).orElseThrow();
        });
    }

    /** Re-evaluates every seller with a step in force (the decay job); returns how many were looked at. */
    public int decay() {
        List<UUID> sellersInForce = read(store::sellersWithActiveActions);
        for (UUID seller : sellersInForce) {
            write(() -> {
                reevaluate(seller);
                return null;
            });
        }
        return sellersInForce.size();
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private <T> T write(java.util.function.Supplier<T> work) {
        return ActorContext.callAs(Actor.system("review-integrity"), () -> tx.execute(status -> work.get()));
    }
}
