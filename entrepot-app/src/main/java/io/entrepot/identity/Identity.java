package io.entrepot.identity;

import io.entrepot.identity.internal.AccountStore;
import io.entrepot.identity.internal.ApiKeySecrets;
import io.entrepot.identity.internal.ApiKeyStore;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's API: create password accounts, issue, list and revoke API keys. Every call runs
 * as the current actor, so the database's policies decide what it may touch.
 */
@Service
public class Identity {

    private final AccountStore accounts;
    private final ApiKeyStore keys;
    private final Sellers sellers;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Identity(AccountStore accounts, ApiKeyStore keys, Sellers sellers, PasswordEncoder passwords, Clock clock) {
        this.accounts = accounts;
        this.keys = keys;
        this.sellers = sellers;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Transactional
    public UUID createAccount(NewAccount account) {
        if (account.sellerId() != null && !sellers.exists(account.sellerId())) {
            throw new NotFoundException("seller", account.sellerId());
        }
        if (ActorContext.callAs(Actor.system("authentication"), () -> accounts.emailTaken(account.email()))) {
            throw new ConflictException("duplicate-email", "an account with this email address already exists");
        }
        UUID id = Ids.newId(clock);
        accounts.insert(id, account.email(), passwords.encode(account.password()), account.displayName(),
                account.kind(), account.sellerId(), account.operatorRoles(), clock.instant());
        return id;
    }

    /**
     * A business applies to sell: the seller is registered pending review, with a seller account for the
     * applicant, in one transaction. Run it as the system purpose {@code seller-sign-up}.
     */
    @Transactional
    public SellerId applyAsSeller(io.entrepot.seller.NewSeller seller, String email, String password, String contactName) {
        // A taken email makes createAccount throw, which rolls the registration back with it.
        SellerId id = sellers.register(seller, io.entrepot.seller.SellerStatus.PENDING_REVIEW);
        createAccount(NewAccount.seller(email, password, contactName, id));
        return id;
    }

    /** Issues a key; the returned secret is shown once and only its hash is kept. */
    @Transactional
    public IssuedApiKey issueApiKey(ApiKeyScope scope, String label) {
        if (label == null || label.isBlank() || label.length() > 100) {
            throw new IllegalArgumentException("label must have 1 to 100 characters");
        }
        if (scope instanceof ApiKeyScope.Seller seller && !sellers.exists(seller.sellerId())) {
            throw new NotFoundException("seller", seller.sellerId());
        }
        String secret = ApiKeySecrets.newSecret();
        UUID id = Ids.newId(clock);
        Instant now = clock.instant();
        keys.insert(id, ApiKeySecrets.hash(secret), ApiKeySecrets.displayPrefix(secret), label.strip(), scope, ActorContext.currentName(), now);
        return new IssuedApiKey(id, secret, ApiKeySecrets.displayPrefix(secret), label.strip(), now);
    }

    /**
     * Makes sure an operator admin key with exactly this secret exists, so automation can bootstrap a
     * fresh installation. A key that was revoked stays revoked.
     */
    @Transactional
    public boolean ensureBootstrapAdminKey(String secret) {
        if (secret.length() < 24) {
            throw new IllegalArgumentException("ENTREPOT_BOOTSTRAP_ADMIN_API_KEY must have at least 24 characters");
        }
        byte[] hash = ApiKeySecrets.hash(secret);
        if (keys.existsByHash(hash)) {
            return false;
        }
        keys.insert(Ids.newId(clock), hash, ApiKeySecrets.displayPrefix(secret), "bootstrap admin key",
                new ApiKeyScope.Operator(io.entrepot.shared.OperatorRole.ADMIN), "bootstrap", clock.instant());
        return true;
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> apiKeysOf(SellerId sellerId) {
        return keys.forSeller(sellerId);
    }

    @Transactional(readOnly = true)
    public List<ApiKeySummary> operatorApiKeys() {
        return keys.operatorKeys();
    }

    /** Revokes a key the actor can see; a key it cannot see is reported as not found. */
    @Transactional
    public void revokeApiKey(UUID keyId) {
        if (!keys.revoke(keyId, clock.instant())) {
            throw new NotFoundException("active API key", keyId);
        }
    }

    @Transactional(readOnly = true)
    public long activeApiKeys() {
        return keys.countActive();
    }

    @Transactional(readOnly = true)
    public long accounts(AccountKind kind) {
        return accounts.count(kind);
    }
}
