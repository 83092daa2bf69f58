package io.entrepot.identity.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.util.Objects;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Looks up password accounts for form login, under the system purpose {@code authentication}. */
@Component
class AccountUserDetailsService implements UserDetailsService {

    static final Actor AUTHENTICATION = Actor.system("authentication");

    private final AccountStore accounts;
    private final TransactionTemplate transactions;

    AccountUserDetailsService(AccountStore accounts, TransactionTemplate transactions) {
        this.accounts = accounts;
        this.transactions = transactions;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        var account = ActorContext.callAs(AUTHENTICATION, () -> transactions.execute(tx -> accounts.findByEmail(email)))
                .orElseThrow(() -> new UsernameNotFoundException("no such account"));
        Actor actor = switch (account.kind()) {
            case OPERATOR -> new Actor.Operator(account.id(), account.roles());
            case SELLER -> new Actor.Seller(account.id(), Objects.requireNonNull(account.sellerId()));
            case BUYER -> new Actor.Buyer(account.id());
        };
        return new EntrepotPrincipal(account.email(), actor, account.passwordHash(), account.enabled());
    }

}
