package io.entrepot.governance;

import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.RefusedException;
import io.entrepot.shared.SellerId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purpose-bound operator access to one seller's data. Staff request a grant (seller, scopes, purpose,
 * reference, hours ≤ 72); a second operator with the compliance role approves it (never the
 * requester); it then opens the scopes for the requester until it expires or is revoked. Break-glass
 * grants open at once for at most 4 hours and wait for compliance's review. The database policies
 * check the grant on every statement; {@link #read} also writes each read into the access log.
 */
@Service
public class AccessGrants {

    static final int MAX_HOURS = 72;
    static final int MAX_BREAK_GLASS_HOURS = 4;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AccessLog log;
    private final Sellers sellers;
    private final Clock clock;

    AccessGrants(JdbcClient jdbc, TransactionTemplate tx, AccessLog log, Sellers sellers, Clock clock) {
        this.sellers = sellers;
        this.jdbc = jdbc;
        this.tx = tx;
        this.log = log;
        this.clock = clock;
    }

    public enum Status { PENDING, ACTIVE, EXPIRED, REVOKED }

    public record Grant(UUID id, SellerId seller, UUID granteeId, String grantee, List<AccessScope> scopes, AccessPurpose purpose,
            String reference, int hours, boolean breakGlass, Instant requestedAt, @Nullable String approver, @Nullable Instant approvedAt,
            @Nullable Instant expiresAt, @Nullable String revokedBy, @Nullable Instant revokedAt, @Nullable String revokeReason,
            @Nullable String reviewedBy, @Nullable Instant reviewedAt, @Nullable String reviewNote, Status status) {

        /** A break-glass grant that compliance has not reviewed yet. */
        public boolean awaitingReview() {
            return breakGlass && reviewedAt == null;
        }
    }

    public record NewGrant(SellerId seller, Set<AccessScope> scopes, AccessPurpose purpose, String reference, int hours, boolean breakGlass) {
        public NewGrant {
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("a grant names at least one scope");
            }
            if (reference.isBlank() || reference.length() > 200) {
                throw new IllegalArgumentException("a grant names its ticket or case reference (1 to 200 characters)");
            }
            int max = breakGlass ? MAX_BREAK_GLASS_HOURS : MAX_HOURS;
            if (hours < 1 || hours > max) {
                throw new IllegalArgumentException((breakGlass ? "a break-glass grant lasts" : "a grant lasts") + " 1 to " + max
                        + " hours, not " + hours);
            }
        }
    }

    /** Staff ask for access for themselves; break-glass opens it at once (and flags it for review). */
    public Grant request(NewGrant request) {
        Actor.Operator operator = staff();
        UUID id = Ids.newId(clock);
        tx.executeWithoutResult(s -> {
            // staff see every seller's profile (onboarding is the operator's own process), not its business data
            if (!sellers.exists(request.seller())) {
                throw new NotFoundException("seller", request.seller().value());
            }
            jdbc.sql("""
                    insert into governance.access_grant (id, seller_id, grantee_id, grantee, scopes, purpose, reference, hours, break_glass,
                                                         requested_at, expires_at)
                    values (:id, :seller, :grantee_id, :grantee, :scopes, :purpose, :reference, :hours, :break_glass, now(),
                            case when :break_glass then now() + make_interval(hours => :hours) end)
                    """)
                    .param("id", id).param("seller", request.seller().value()).param("grantee_id", operator.userId())
                    .param("grantee", ActorContext.currentName()).param("scopes", request.scopes().stream().sorted().map(AccessScope::key)
                            .toArray(String[]::new))
                    .param("purpose", request.purpose().key()).param("reference", request.reference().strip()).param("hours", request.hours())
                    .param("break_glass", request.breakGlass()).update();
        });
        return grant(id);
    }

    /** Compliance approves a pending request of someone else; the grant runs for its hours from now. */
    public Grant approve(UUID id) {
        Actor.Operator approver = role(OperatorRole.COMPLIANCE);
        tx.executeWithoutResult(s -> {
            Grant grant = find(id).orElseThrow(() -> new NotFoundException("access grant", id));
            if (grant.granteeId().equals(approver.userId())) {
                throw new RefusedException(403, "four-eyes", "nobody approves their own access request: a second compliance officer must");
            }
            if (grant.status() != Status.PENDING) {
                throw new ConflictException("grant-not-pending", "the grant is " + grant.status().name().toLowerCase(java.util.Locale.ROOT)
                        + ", only a pending request can be approved");
            }
            jdbc.sql("""
                    update governance.access_grant set approved_by = :approver_id, approver = :approver, approved_at = now(),
                           expires_at = now() + make_interval(hours => hours)
                    where id = :id and approved_at is null and revoked_at is null
                    """).param("approver_id", approver.userId()).param("approver", ActorContext.currentName()).param("id", id).update();
        });
        return grant(id);
    }

    /** The grantee or compliance ends a grant (or withdraws a request) at once. */
    public Grant revoke(UUID id, String reason) {
        staff();
        if (reason.isBlank()) {
            throw new IllegalArgumentException("a revocation gives its reason");
        }
        tx.executeWithoutResult(s -> {
            Grant grant = find(id).orElseThrow(() -> new NotFoundException("access grant", id));
            if (grant.status() == Status.REVOKED || grant.status() == Status.EXPIRED) {
                throw new ConflictException("grant-ended", "the grant has already " + (grant.status() == Status.REVOKED ? "been revoked" : "expired"));
            }
            jdbc.sql("update governance.access_grant set revoked_by = :by, revoked_at = now(), revoke_reason = :reason where id = :id")
                    .param("by", ActorContext.currentName()).param("reason", reason.strip()).param("id", id).update();
        });
        return grant(id);
    }

    /** Compliance reviews a break-glass grant after the fact. */
    public Grant review(UUID id, String note) {
        Actor.Operator reviewer = role(OperatorRole.COMPLIANCE);
        if (note.isBlank()) {
            throw new IllegalArgumentException("a review gives its finding");
        }
        tx.executeWithoutResult(s -> {
            Grant grant = find(id).orElseThrow(() -> new NotFoundException("access grant", id));
            if (!grant.breakGlass()) {
                throw new ConflictException("not-break-glass", "only break-glass grants are reviewed after the fact");
            }
            if (grant.granteeId().equals(reviewer.userId())) {
                throw new RefusedException(403, "four-eyes", "nobody reviews their own break-glass access");
            }
            if (grant.reviewedAt() != null) {
                throw new ConflictException("already-reviewed", "the grant was reviewed on " + grant.reviewedAt());
            }
            jdbc.sql("update governance.access_grant set reviewed_by = :by, reviewed_at = now(), review_note = :note where id = :id")
                    .param("by", ActorContext.currentName()).param("note", note.strip()).param("id", id).update();
        });
        return grant(id);
    }

    /** One grant as the actor may see it (its grantee, compliance, auditors, the seller concerned). */
    public Grant grant(UUID id) {
        return tx.execute(s -> find(id)).orElseThrow(() -> new NotFoundException("access grant", id));
    }

    /** Grants visible to the actor, newest first: staff see their own, compliance and auditors all, a seller those on it. */
    public List<Grant> list(@Nullable SellerId seller, @Nullable Status status, int limit) {
        return tx.execute(s -> jdbc.sql("select g.*, " + STATUS + " as status from governance.access_grant g "
                        + "where (cast(:seller as uuid) is null or seller_id = :seller) and (cast(:status as text) is null or " + STATUS + " = :status) "
                        + "order by requested_at desc limit :limit")
                .param("seller", seller == null ? null : seller.value()).param("status", status == null ? null : status.name())
                .param("limit", limit)
                .query((rs, n) -> map(rs)).list());
    }

    /**
     * Reads a seller's data under the acting operator's live grant of that scope and appends the read
     * to the seller's access log, in one transaction: no grant, no read (403); no log entry, no answer.
     * The database checks the same grant on every statement of the read.
     */
    public <T> T read(SellerId seller, AccessScope scope, String operation, Supplier<T> read, Function<T, Collection<?>> objectIds) {
        staff();
        return tx.execute(s -> {
            Grant grant = live(seller, scope);
            T result = read.get();
            log.recordGranted(grant, operation, objectIds.apply(result));
            return result;
        });
    }

    /**
     * Reads data of whichever sellers the acting operator holds live grants of the scope on (the
     * database hides every other seller's rows), and logs each seller's part under its grant, in one
     * transaction. {@code accessed} says which sellers' objects the result holds.
     */
    public <T> T readAcross(AccessScope scope, String operation, Supplier<T> read, Function<T, Map<SellerId, ? extends Collection<?>>> accessed) {
        staff();
        return tx.execute(s -> {
            T result = read.get();
            for (var part : accessed.apply(result).entrySet()) {
                log.recordGranted(live(part.getKey(), scope), operation, part.getValue());
            }
            return result;
        });
    }

    /** The acting operator's live grant on the seller and scope, or 403 saying how to get one. */
    Grant live(SellerId seller, AccessScope scope) {
        return jdbc.sql("select g.*, " + STATUS + " as status from governance.access_grant g where grantee_id = :me and seller_id = :seller "
                        + "and :scope = any (scopes) and " + STATUS + " = 'ACTIVE' order by expires_at desc limit 1")
                .param("me", staff().userId()).param("seller", seller.value()).param("scope", scope.key())
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new RefusedException(403, "no-access-grant", "no live access grant on seller " + seller.value() + " for "
                        + scope.key() + ": request one (POST /api/v1/ops/access-grants) and have compliance approve it"));
    }

    private java.util.Optional<Grant> find(UUID id) {
        return jdbc.sql("select g.*, " + STATUS + " as status from governance.access_grant g where id = :id").param("id", id)
                .query((rs, n) -> map(rs)).optional();
    }

    /**
     * A grant's status from its columns (the one definition; the database's {@code grant_allows} holds
     * the same for ACTIVE: a break-glass grant has its expiry from the start, any other once approved).
     */
    private static final String STATUS = """
            case when g.revoked_at is not null then 'REVOKED'
                 when g.expires_at is null then 'PENDING'
                 when g.expires_at <= statement_timestamp() then 'EXPIRED'
                 else 'ACTIVE' end""";

    private static Actor.Operator staff() {
        if (ActorContext.current() instanceof Actor.Operator operator
                && operator.roles().stream().anyMatch(r -> r != OperatorRole.FIRST_PARTY_RETAIL)) {
            return operator;
        }
        throw new AccessDeniedException("only operator staff hold access grants");
    }

    private static Actor.Operator role(OperatorRole role) {
        if (ActorContext.current() instanceof Actor.Operator operator && operator.has(role)) {
            return operator;
        }
        throw new AccessDeniedException("only " + role.key() + " may do this");
    }

    private static Grant map(ResultSet rs) throws SQLException {
        String[] scopes = (String[]) rs.getArray("scopes").getArray();
        return new Grant(rs.getObject("id", UUID.class), new SellerId(rs.getObject("seller_id", UUID.class)), rs.getObject("grantee_id", UUID.class),
                rs.getString("grantee"), Arrays.stream(scopes).map(AccessScope::fromKey).toList(), AccessPurpose.fromKey(rs.getString("purpose")),
                rs.getString("reference"), rs.getInt("hours"), rs.getBoolean("break_glass"), rs.getTimestamp("requested_at").toInstant(),
                rs.getString("approver"), instant(rs, "approved_at"), instant(rs, "expires_at"), rs.getString("revoked_by"), instant(rs, "revoked_at"),
                rs.getString("revoke_reason"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"), rs.getString("review_note"),
                Status.valueOf(rs.getString("status")));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
