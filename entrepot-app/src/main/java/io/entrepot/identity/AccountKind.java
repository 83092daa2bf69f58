package io.entrepot.identity;

/** The three kinds of people who sign in with a password. */
public enum AccountKind {
    /** Operator staff, with one or more operator roles. */
    OPERATOR,
    /** A user of one seller. */
    SELLER,
    /** A shopper. */
    BUYER
}
