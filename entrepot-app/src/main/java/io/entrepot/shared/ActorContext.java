package io.entrepot.shared;

import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The actor of the current thread: an explicit one set with {@link #callAs} (system jobs, seeding,
 * authentication look-ups), otherwise the signed-in principal, otherwise {@link Actor#ANONYMOUS}.
 * The transaction manager copies it into the transaction's settings when a transaction begins.
 */
public final class ActorContext {

    private static final ThreadLocal<@Nullable Actor> EXPLICIT = new ThreadLocal<>();
    private static final ThreadLocal<@Nullable Boolean> RESOLVING = new ThreadLocal<>();

    private ActorContext() {
    }

    public static Actor current() {
        Actor explicit = EXPLICIT.get();
        if (explicit != null) {
            return explicit;
        }
        // Resolving the security context may load the session from the database, which begins a
        // transaction of its own: that inner transaction must not try to resolve the actor again.
        // Web requests pin their actor before any transaction, so this path is rare.
        if (RESOLVING.get() != null) {
            return Actor.ANONYMOUS;
        }
        RESOLVING.set(Boolean.TRUE);
        try {
            return fromAuthentication(SecurityContextHolder.getContext().getAuthentication());
        } finally {
            RESOLVING.remove();
        }
    }

    /** Who is acting, as recorded in audit columns: {@code operator:<user>}, {@code system:<purpose>}, … */
    public static String currentName() {
        return switch (current()) {
            case Actor.Operator op -> "operator:" + op.userId();
            case Actor.Seller s -> "seller-user:" + s.userId();
            case Actor.Buyer b -> "buyer:" + b.userId();
            case Actor.System s -> "system:" + s.purpose();
            case Actor.Anonymous a -> "anonymous";
        };
    }

    /** The seller the current actor acts for; anyone else is refused (403). */
    public static SellerId currentSeller() {
        if (current() instanceof Actor.Seller seller) {
            return seller.sellerId();
        }
        throw new org.springframework.security.access.AccessDeniedException("only a seller may do this");
    }

    /** The actor of an authentication, or anonymous. */
    public static Actor fromAuthentication(@Nullable Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof ActorAware aware) {
            return aware.actor();
        }
        return Actor.ANONYMOUS;
    }

    /** Runs work as the given actor; transactions it begins carry that actor. */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        Actor previous = EXPLICIT.get();
        EXPLICIT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    public static <T> T callAsChecked(Actor actor, Callable<T> work) throws Exception {
        Actor previous = EXPLICIT.get();
        EXPLICIT.set(actor);
        try {
            return work.call();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }
}
