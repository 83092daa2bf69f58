package io.entrepot.market;

import java.util.Set;

/** Published after new reference rates or an override changed the rates of these currencies. */
public record ExchangeRatesChanged(Set<String> currencies) {
}
