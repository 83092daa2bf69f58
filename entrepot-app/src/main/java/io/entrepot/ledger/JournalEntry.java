package io.entrepot.ledger;

import io.entrepot.shared.CurrencyCode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A journal entry to post: it balances per currency (checked here and again by the database at
 * commit), names its source as one {@code (sourceType, sourceId)} pair and carries an idempotency key.
 */
public record JournalEntry(String description, String sourceType, String sourceId, String idempotencyKey, List<Posting> postings) {

    public JournalEntry {
        if (description == null || description.isBlank() || description.length() > 500) {
            throw new IllegalArgumentException("a journal entry needs a description of 1 to 500 characters");
        }
        if (sourceType == null || sourceType.isBlank() || sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("a journal entry names its source");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("a journal entry needs an idempotency key of 1 to 200 characters");
        }
        if (postings == null || postings.size() < 2) {
            throw new IllegalArgumentException("a journal entry has at least two postings");
        }
        Map<CurrencyCode, Long> totals = new HashMap<>();
        for (Posting posting : postings) {
            totals.merge(posting.amount().currency(), posting.amount().minor(), Math::addExact);
        }
        totals.forEach((currency, total) -> {
            if (total != 0) {
                throw new IllegalArgumentException("the entry does not balance in " + currency + ": off by " + total + " minor units");
            }
        });
        postings = List.copyOf(postings);
    }
}
