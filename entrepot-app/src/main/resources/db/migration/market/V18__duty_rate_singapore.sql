-- Singapore levies customs duty only on liquor, tobacco, motor vehicles and petroleum (shared market
-- data, trade_rules.csv notes for SG): the chapters of the catalogue's categories other than those
-- carry 0%; alcoholic drinks (HS 22) have no rate, so their duty shows as unknown.
insert into market.duty_rate (id, market_code, hs_chapter, origin_country, rate_pct, basis_note, effective_from, source, as_of, created_by, created_at)
select gen_random_uuid(), 'SG', chapter, null, 0, 'no customs duty outside liquor, tobacco, motor vehicles and petroleum',
       '2024-01-01', 'IRAS-LVG; trade_rules.csv notes', '2025', 'reference-data', now()
from unnest(array['09', '17', '33', '42', '61', '62', '73', '82', '85', '94', '95']) as chapter;
