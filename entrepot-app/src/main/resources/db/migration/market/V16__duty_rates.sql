-- Import duty rates are data: per market, optionally per HS chapter and per origin country, dated, with
-- their source. Where no rate is known, a quote must say the duty is unknown, never charge zero.
create table market.duty_rate (
    id             uuid          primary key,
    market_code    char(2)       not null references market.market (code),
    hs_chapter     char(2)       check (hs_chapter ~ '^[0-9]{2}$'),
    origin_country char(2)       check (origin_country ~ '^[A-Z]{2}$'),
    rate_pct       numeric(6, 3) not null check (rate_pct between 0 and 100),
    basis_note     text          not null default '',
    effective_from timestamptz   not null,
    effective_to   timestamptz,
    source         text          not null,
    as_of          text          not null,
    created_by     text          not null,
    created_at     timestamptz   not null,
    check (effective_to is null or effective_to > effective_from)
);
create index duty_rate_lookup_idx on market.duty_rate (market_code, hs_chapter, origin_country, effective_from);
grant select, insert, update on market.duty_rate to ${app_role};

-- The few general rates the shared market data names (market_rules.csv, November 2026).
insert into market.duty_rate (id, market_code, hs_chapter, origin_country, rate_pct, basis_note, effective_from, source, as_of, created_by, created_at) values
    (gen_random_uuid(), 'ID', null, null, 7.5, 'general duty above US$3 FOB per consignment; higher MFN rates for bags, shoes, textiles', '2020-01-30', 'PMK-199-2019; BakerMcKenzie-2020', '2025-01', 'reference-data', now()),
    (gen_random_uuid(), 'SA', null, null, 5, 'standard GCC common external tariff (general knowledge)', '2003-01-01', 'GCC common customs law', '2021-09', 'reference-data', now()),
    (gen_random_uuid(), 'MX', null, null, 33.5, 'courier simplified regime global rate for non-FTA origin up to US$2,500 (duty and IVA together)', '2025-08-15', 'VATupdate; Opportimes', '2025-08', 'reference-data', now()),
    (gen_random_uuid(), 'BR', null, null, 20, 'Remessa Conforme import tax (II) up to US$50; 60% minus US$20 above (CIF)', '2024-08-01', 'DHL-BR; OliveiraAlves', '2025-04', 'reference-data', now());
