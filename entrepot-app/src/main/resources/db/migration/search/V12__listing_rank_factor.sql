-- The seller's ranking factor is copied onto its listings, so browsing a category reads an index in
-- ranking order instead of joining and sorting every row of the market.
alter table search.listing add column rank_factor numeric(6, 3) not null default 1 check (rank_factor > 0);
create index listing_browse_idx on search.listing (market_code, language, category, rank_factor desc, offer_id desc);
create index listing_market_browse_idx on search.listing (market_code, language, rank_factor desc, offer_id desc);
