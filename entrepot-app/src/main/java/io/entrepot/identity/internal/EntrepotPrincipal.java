package io.entrepot.identity.internal;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorAware;
import io.entrepot.shared.OperatorRole;
import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in person or API key. Its authorities follow from its {@link Actor}: {@code ROLE_STAFF} for
 * operator staff (not the first-party retail team), {@code ROLE_OPS_<ROLE>} per operator role,
 * {@code ROLE_SELLER}, {@code ROLE_BUYER}.
 */
public final class EntrepotPrincipal implements UserDetails, ActorAware, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Actor actor;
    private @Nullable String passwordHash;
    private final boolean enabled;

    EntrepotPrincipal(String name, Actor actor, @Nullable String passwordHash, boolean enabled) {
        this.name = name;
        this.actor = actor;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    @Override
    public Actor actor() {
        return actor;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authoritiesOf(actor);
    }

    static List<GrantedAuthority> authoritiesOf(Actor actor) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        switch (actor) {
            case Actor.Operator operator -> {
                for (OperatorRole role : operator.roles()) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_OPS_" + role.name()));
                    if (role != OperatorRole.FIRST_PARTY_RETAIL && authorities.stream().noneMatch(a -> a.getAuthority().equals("ROLE_STAFF"))) {
                        authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
                    }
                }
            }
            case Actor.Seller seller -> authorities.add(new SimpleGrantedAuthority("ROLE_SELLER"));
            case Actor.Buyer buyer -> authorities.add(new SimpleGrantedAuthority("ROLE_BUYER"));
            case Actor.System system -> authorities.add(new SimpleGrantedAuthority("ROLE_SYSTEM"));
            case Actor.Anonymous anonymous -> { }
        }
        return List.copyOf(authorities);
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return name;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public String toString() {
        return "EntrepotPrincipal[" + name + ", " + actor.kind() + "]";
    }
}
