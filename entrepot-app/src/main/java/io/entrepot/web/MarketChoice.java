package io.entrepot.web;

/** A market a visitor can switch the storefront to. */
public record MarketChoice(String code, String name, String currency) {
}
