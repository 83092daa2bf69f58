package io.entrepot.identity;

import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A password account to create; the password is hashed before it is stored. */
public record NewAccount(String email, String password, String displayName, AccountKind kind,
        @Nullable SellerId sellerId, Set<OperatorRole> operatorRoles) {

    public NewAccount {
        if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
            throw new IllegalArgumentException("email must be an address such as name@example.com");
        }
        if (password == null || password.length() < 8 || password.length() > 128) {
            throw new IllegalArgumentException("password must have 8 to 128 characters");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 120) {
            throw new IllegalArgumentException("display name must have 1 to 120 characters");
        }
        if ((kind == AccountKind.SELLER) != (sellerId != null)) {
            throw new IllegalArgumentException("a seller account needs a seller id, and only a seller account has one");
        }
        if (kind != AccountKind.OPERATOR && !operatorRoles.isEmpty()) {
            throw new IllegalArgumentException("only operator accounts have operator roles");
        }
        if (kind == AccountKind.OPERATOR && operatorRoles.isEmpty()) {
            throw new IllegalArgumentException("an operator account needs at least one role");
        }
        operatorRoles = Set.copyOf(operatorRoles);
    }

    public static NewAccount operator(String email, String password, String displayName, Set<OperatorRole> roles) {
        return new NewAccount(email, password, displayName, AccountKind.OPERATOR, null, roles);
    }

    public static NewAccount seller(String email, String password, String displayName, SellerId sellerId) {
        return new NewAccount(email, password, displayName, AccountKind.SELLER, sellerId, Set.of());
    }

    public static NewAccount buyer(String email, String password, String displayName) {
        return new NewAccount(email, password, displayName, AccountKind.BUYER, null, Set.of());
    }

    @Override
    public String toString() {
        return "NewAccount[" + email + ", " + kind + "]";
    }
}
