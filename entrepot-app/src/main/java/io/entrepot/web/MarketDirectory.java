package io.entrepot.web;

import java.util.List;

/** Supplies the market switcher; implemented by the module that owns markets. */
public interface MarketDirectory {

    /** Markets open for shopping, in display order. */
    List<MarketChoice> openMarkets();
}
