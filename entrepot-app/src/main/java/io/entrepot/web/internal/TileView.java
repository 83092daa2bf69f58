package io.entrepot.web.internal;

import io.entrepot.web.ConsoleTile;
import java.util.List;

/** A console tile's figures at one moment, as the templates render them. */
public record TileView(String titleKey, List<ConsoleTile.Figure> figures) {
}
