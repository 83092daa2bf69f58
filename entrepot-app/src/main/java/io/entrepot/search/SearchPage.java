package io.entrepot.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of hits and the cursor of the next page, absent on the last one. */
public record SearchPage(List<Listing> items, @Nullable String nextCursor) {
}
