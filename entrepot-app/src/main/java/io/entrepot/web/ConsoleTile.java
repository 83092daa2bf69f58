package io.entrepot.web;

import java.util.List;

/**
 * A box of live figures on the operator console's home page. Modules contribute tiles so the console
 * shows their state without the chrome knowing their tables.
 */
public interface ConsoleTile {

    /** Message key of the tile's heading. */
    String titleKey();

    /** Tiles are shown in ascending order. */
    default int order() {
        return 100;
    }

    /** Current figures, read when the page or its live refresh asks. */
    List<Figure> figures();

    /** One labelled number; the label is a message key. */
    record Figure(String labelKey, long value) {
    }
}
