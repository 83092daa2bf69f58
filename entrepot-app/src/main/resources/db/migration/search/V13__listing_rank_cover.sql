-- Text queries rank a bounded window of matches taken in ranking order. This index holds the text
-- vector and category beside the ranking order, so a common word's window is read from the index
-- alone (no visit to the table for every match).
create index listing_rank_cover_idx on search.listing (market_code, language, rank_factor desc, offer_id desc)
    include (category, tsv);
