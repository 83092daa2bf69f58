package io.entrepot.reviews;

import io.entrepot.catalog.Catalog;
import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Purchases;
import io.entrepot.reviews.internal.BehaviourSignals;
import io.entrepot.reviews.internal.ReviewStore;
import io.entrepot.reviews.text.MinHash;
import io.entrepot.reviews.text.TextModel;
import io.entrepot.reviews.text.TextSignals;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.RefusedException;
import io.entrepot.shared.SellerId;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reviews module's API. A review is accepted only for a delivered order line of the buyer, once;
 * it is scored at once from its text, its near-duplicates and the behaviour around the purchase, and
 * the {@link IntegrityPolicy} publishes, holds or removes it. A removed review is a confirmed fake on
 * the seller's record and moves the {@link Enforcement enforcement ladder}. Near-duplicates found
 * later raise the score of the earlier reviews too. Every verdict is recorded with who, when and why.
 */
@Service
public class Reviews {

    public static final int MAX_TEXT = 4000;
    public static final int MAX_PHOTOS = 6;
    private static final String POLICY = "integrity-policy";
    private static final Logger log = LoggerFactory.getLogger(Reviews.class);

    private final ReviewStore store;
    private final Purchases purchases;
    private final Catalog catalog;
    private final BehaviourSignals behaviour;
    private final Enforcement enforcement;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final IntegrityPolicy policy;
    private final TextSignals text;
    private final int reportsToHold;

    Reviews(ReviewStore store, Purchases purchases, Catalog catalog, BehaviourSignals behaviour, Enforcement enforcement, TransactionTemplate tx,
            Clock clock, @Value("${entrepot.reviews.hold-at:0.6}") double holdAt, @Value("${entrepot.reviews.remove-at:0.9}") double removeAt,
            @Value("${entrepot.reviews.corroboration:2}") int corroboration, @Value("${entrepot.reviews.reports-to-hold:3}") int reportsToHold,
            @Value("${entrepot.reviews.model:}") String modelFolder) {
        this.store = store;
        this.purchases = purchases;
        this.catalog = catalog;
        this.behaviour = behaviour;
        this.enforcement = enforcement;
        this.tx = tx;
        this.clock = clock;
        this.policy = new IntegrityPolicy(holdAt, removeAt, corroboration);
        this.reportsToHold = reportsToHold;
        TextModel model = modelFolder.isBlank() ? TextModel.bundled() : TextModel.load(Path.of(modelFolder));
        this.text = new TextSignals(model);
        log.info("review text model {} loaded ({})", model.version(), modelFolder.isBlank() ? "bundled" : modelFolder);
    }

    public IntegrityPolicy policy() {
        return policy;
    }

    public String modelVersion() {
        return text.model().version();
    }

    /** What the author is told: published, or in review (held and removed look the same to them). */
    public record Received(UUID id, String status) {
    }

    public Received write(MarketCode market, NewReview review) {
        NewReview checked = validate(review);
        return asSystem(() -> {
            record Checked(Purchases.PurchasedLine line, UUID product, Scoring scoring) {
            }
            Checked facts = read(() -> {
                Purchases.PurchasedLine line = purchases.line(checked.orderLineId())
                        .orElseThrow(() -> new NotFoundException("order line", checked.orderLineId()));
                if (!line.email().equalsIgnoreCase(checked.email())) {
                    throw new RefusedException(403, "not-your-order", "this order line belongs to another buyer's order");
                }
                if (!line.market().equals(market.value())) {
                    throw new RefusedException(422, "wrong-market", "this order line was bought in " + line.market() + ", not " + market.value());
                }
                if (!line.delivered()) {
                    throw new ConflictException("not-delivered", "only a delivered purchase can be reviewed; this one is " + line.status());
                }
                if (store.lineReviewed(line.lineId())) {
                    throw new ConflictException("already-reviewed", "this order line already has a review; one review per purchased line");
                }
                UUID product = catalog.productOfOffer(line.offerId()).orElseThrow(() -> new NotFoundException("offer", line.offerId())).value();
                return new Checked(line, product, score(line, product, checked));
            });
            return tx.execute(status -> record(market, checked, facts.line(), facts.product(), facts.scoring()));
        });
    }

    private record Scoring(List<Signal> signals, int[] signature, long[] bands, List<Partner> partners) {
    }

    /** An earlier review that is a near-duplicate of the new one. */
    private record Partner(ReviewStore.Candidate review, double similarity) {
    }

    private Scoring score(Purchases.PurchasedLine line, UUID product, NewReview review) {
        List<Signal> signals = new ArrayList<>();
        signals.add(text.generatedIn(review.text(), Locale.forLanguageTag(review.locale())));
        int[] signature = MinHash.signature(review.text());
        long[] bands = MinHash.bandKeys(signature);
        List<Partner> partners = new ArrayList<>();
        for (var candidate : store.sharingABand(bands, 500)) {
            double similarity = MinHash.similarity(signature, candidate.signature());
            if (similarity >= TextSignals.DUPLICATE_FLOOR) {
                partners.add(new Partner(candidate, similarity));
            }
        }
        Partner closest = partners.stream().max(java.util.Comparator.comparingDouble(Partner::similarity)).orElse(null);
        signals.add(text.nearDuplicate(closest == null ? 0 : closest.similarity(), closest == null ? "" : "review " + closest.review().id()));
        signals.addAll(behaviour.of(line, product, review.rating()));
        return new Scoring(signals, signature, bands, partners);
    }

    private Received record(MarketCode market, NewReview review, Purchases.PurchasedLine line, UUID product, Scoring scoring) {
        Instant now = clock.instant();
        UUID id = Ids.newId(clock);
        double score = IntegrityPolicy.score(scoring.signals());
        Verdict verdict = policy.verdict(scoring.signals());
        boolean inserted = store.insert(new ReviewStore.NewRow(id, market.value(), line.lineId(), line.sellerOrderId(), line.sellerId(), product,
                line.offerId(), line.buyerKey(), review.rating(), review.text(), review.locale(), review.photoUrls(), verdict.status(), score,
                scoring.signals(), scoring.signature(), POLICY, now));
        if (!inserted) {
            throw new ConflictException("already-reviewed", "this order line already has a review; one review per purchased line");
        }
        store.insertBands(id, line.sellerId(), scoring.bands());
        store.decision(Ids.newId(clock), id, line.sellerId(), verdict.status(), explain(verdict, score), POLICY, true, score, now);
        Set<UUID> sellers = new LinkedHashSet<>();
        if (verdict == Verdict.REMOVE) {
            store.confirmFake(id, line.sellerId(), now);
            sellers.add(line.sellerId());
        }
        for (Partner partner : scoring.partners()) {
            if (rescore(partner, id, now)) {
                sellers.add(partner.review().sellerId());
            }
        }
        sellers.forEach(enforcement::reevaluate);
        return new Received(id, verdict == Verdict.PUBLISH ? "published" : "in_review");
    }

    /**
     * Raises an earlier review's near-duplicate signal to its similarity with the new one, when the
     * policy decided it and its signal was lower; true when that removed it.
     */
    private boolean rescore(Partner partner, UUID newReview, Instant now) {
        var earlier = partner.review();
        if (!earlier.decidedBy().equals(POLICY) || earlier.status().equals("removed")) {
            return false;
        }
        List<Signal> signals = new ArrayList<>();
        boolean raised = false;
        for (Signal signal : earlier.signals()) {
            if (signal.name().equals(Signal.TEXT_NEAR_DUPLICATE) && signal.value() < partner.similarity()) {
                signals.add(text.nearDuplicate(partner.similarity(), "review " + newReview));
                raised = true;
            } else {
                signals.add(signal);
            }
        }
        if (!raised) {
            return false;
        }
        double score = IntegrityPolicy.score(signals);
        Verdict verdict = policy.verdict(signals);
        store.updateVerdict(earlier.id(), verdict.status(), score, signals, POLICY, now);
        if (!verdict.status().equals(earlier.status())) {
            store.decision(Ids.newId(clock), earlier.id(), earlier.sellerId(), verdict.status(),
                    explain(verdict, score) + " (a later review is a near-duplicate)", POLICY, true, score, now);
        }
        if (verdict == Verdict.REMOVE) {
            store.confirmFake(earlier.id(), earlier.sellerId(), now);
            return true;
        }
        return false;
    }

    private String explain(Verdict verdict, double score) {
        return switch (verdict) {
            case PUBLISH -> String.format(Locale.ROOT, "score %.2f below %.2f", score, policy.holdAt());
            case HOLD -> String.format(Locale.ROOT, "score %.2f from %.2f: held for trust & safety", score, policy.holdAt());
            case REMOVE -> String.format(Locale.ROOT, "score %.2f from %.2f with %d or more corroborating signals", score, policy.removeAt(),
                    policy.corroboration());
        };
    }

    static NewReview validate(NewReview review) {
        if (review.rating() < 1 || review.rating() > 5) {
            throw new IllegalArgumentException("rating must be a whole number from 1 to 5, not " + review.rating());
        }
        String body = review.text() == null ? "" : review.text().strip();
        if (body.isEmpty() || body.length() > MAX_TEXT) {
            throw new IllegalArgumentException("text must have 1 to " + MAX_TEXT + " characters; it has " + body.length());
        }
        String locale = review.locale() == null ? "" : review.locale().strip();
        if (!locale.matches("[a-z]{2}(-[A-Z]{2})?")) {
            throw new IllegalArgumentException("locale must look like 'en' or 'zh-CN', not '" + locale + "'");
        }
        List<String> photos = review.photoUrls() == null ? List.of() : review.photoUrls();
        if (photos.size() > MAX_PHOTOS) {
            throw new IllegalArgumentException("at most " + MAX_PHOTOS + " photos");
        }
        for (String photo : photos) {
            URI uri;
            try {
                uri = URI.create(photo == null ? "" : photo.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("photo URL '" + photo + "' is not a URL");
            }
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || photo.length() > 500) {
                throw new IllegalArgumentException("photo URLs are https addresses of at most 500 characters, not '" + photo + "'");
            }
        }
        if (review.email() == null || review.email().isBlank() || review.email().length() > 254) {
            throw new IllegalArgumentException("email (the order's) is required");
        }
        return new NewReview(review.orderLineId(), review.email().strip(), review.rating(), body, locale, photos.stream().map(String::strip).toList());
    }

    // Reading

    public ProductReviews ofProduct(UUID product, @Nullable Locale locale, int limit) {
        return asSystem(() -> read(() -> store.productReviews(product, locale == null ? "en" : locale.getLanguage(), Math.min(Math.max(limit, 1), 100))));
    }

    /** The reviews of the product an offer sells (the storefront's product page knows the offer). */
    public ProductReviews ofOffer(UUID offerId, @Nullable Locale locale, int limit) {
        UUID product = asSystem(() -> read(() -> catalog.productOfOffer(offerId))).orElseThrow(() -> new NotFoundException("offer", offerId)).value();
        return ofProduct(product, locale, limit);
    }

    public ReviewView review(UUID id) {
        return read(() -> store.find(id).orElseThrow(() -> new NotFoundException("review", id)));
    }

    public List<ReviewStore.Decision> decisionsOf(UUID id) {
        return read(() -> store.decisions(id));
    }

    /** Trust & safety's queue: held reviews, highest score first (or any status). */
    public List<ReviewView> queue(@Nullable String status, @Nullable UUID seller, int limit) {
        if (status != null && !Set.of("published", "held", "removed").contains(status)) {
            throw new IllegalArgumentException("status is one of published, held, removed");
        }
        return read(() -> store.byStatus(status, seller, Math.min(Math.max(limit, 1), 500)));
    }

    public List<ReviewView> ofSeller(SellerId seller) {
        return read(() -> store.ofSeller(seller.value(), 200));
    }

    // Changing

    /** The seller answers a review of its own, once. */
    public ReviewView reply(SellerId seller, UUID reviewId, String reply) {
        String body = reply == null ? "" : reply.strip();
        if (body.isEmpty() || body.length() > 2000) {
            throw new IllegalArgumentException("a reply has 1 to 2000 characters");
        }
        ReviewView review = read(() -> store.find(reviewId)).orElseThrow(() -> new NotFoundException("review", reviewId));
        if (!review.sellerId().equals(seller.value())) {
            throw new NotFoundException("review", reviewId);
        }
        return asSystem(() -> tx.execute(status -> {
            if (!store.reply(reviewId, seller.value(), body, clock.instant())) {
                throw new ConflictException("already-replied", "the seller has already replied to this review");
            }
            return store.find(reviewId).orElseThrow();
        }));
    }

    /** A buyer reports a published review; enough reports hold it for trust & safety. */
    public void report(UUID reviewId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new IllegalArgumentException("a report gives its reason in 1 to 500 characters");
        }
        asSystem(() -> tx.execute(status -> {
            ReviewView review = store.find(reviewId).filter(r -> r.status().equals("published"))
                    .orElseThrow(() -> new NotFoundException("review", reviewId));
            int reports = store.report(Ids.newId(clock), reviewId, review.sellerId(), why, clock.instant());
            if (reports >= reportsToHold && review.decidedBy().equals(POLICY)) {
                store.setStatus(reviewId, "held", POLICY, clock.instant());
                store.decision(Ids.newId(clock), reviewId, review.sellerId(), "held", reports + " buyers reported it", POLICY, true,
                        review.score(), clock.instant());
            }
            return null;
        }));
    }

    /**
     * A moderator's decision on one or more reviews, with its reason, recorded per review. Removing
     * confirms a fake; publishing a removed review excuses it. The sellers' ladders follow.
     */
    public int decide(Collection<UUID> reviewIds, Verdict verdict, String reason) {
        if (reviewIds.isEmpty() || reviewIds.size() > 500) {
            throw new IllegalArgumentException("a decision covers 1 to 500 reviews");
        }
        if (verdict == Verdict.HOLD) {
            throw new IllegalArgumentException("a moderator publishes or removes; hold is the policy's");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new IllegalArgumentException("a decision needs a reason of 1 to 500 characters");
        }
        String moderator = ActorContext.currentName();
        return asSystem(() -> tx.execute(status -> {
            Instant now = clock.instant();
            Set<UUID> sellers = new LinkedHashSet<>();
            List<ReviewView> found = new ArrayList<>();
            for (UUID id : new LinkedHashSet<>(reviewIds)) {
                found.add(store.find(id).orElseThrow(() -> new NotFoundException("review", id)));
            }
            for (ReviewView review : found) {
                store.setStatus(review.id(), verdict.status(), moderator, now);
                store.decision(Ids.newId(clock), review.id(), review.sellerId(), verdict.status(), why, moderator, false, review.score(), now);
                if (verdict == Verdict.REMOVE) {
                    store.confirmFake(review.id(), review.sellerId(), now);
                } else {
                    store.excuseFake(review.id(), now);
                }
                sellers.add(review.sellerId());
            }
            sellers.forEach(enforcement::reevaluate);
            return found.size();
        }));
    }

    private <T> T read(Supplier<T> work) {
        return tx.execute(status -> {
            status.setRollbackOnly();
            return work.get();
        });
    }

    private static <T> T asSystem(Supplier<T> work) {
        return ActorContext.callAs(Actor.system("review-integrity"), work);
    }
}
