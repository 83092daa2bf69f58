package io.entrepot.web;

/** The three audiences of the pages, each with its own navigation. */
public enum Area {
    /** Buyers shopping in a market. */
    STORE,
    /** A seller managing their store. */
    SELLER,
    /** Operator staff running the platform. */
    CONSOLE
}
