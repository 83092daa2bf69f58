create schema market;
grant usage on schema market to ${app_role};

-- The country markets the platform sells into. Reference data, readable by everyone; trade rules,
-- FX and price rounding are added with the global-store capability.
create table market.market (
    code           char(2)     primary key check (code ~ '^[A-Z]{2}$'),
    name           text        not null,
    currency       char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    default_locale text        not null,
    status         text        not null default 'open' check (status in ('open', 'paused')),
    created_at     timestamptz not null default now()
);
grant select, insert, update on market.market to ${app_role};

-- Source: market_rules.csv (market, country_code, currency), compiled November 2026; see
-- src/main/resources/data/markets/SOURCE.md.
insert into market.market (code, name, currency, default_locale) values
    ('SG', 'Singapore', 'SGD', 'en-SG'),
    ('MY', 'Malaysia', 'MYR', 'ms-MY'),
    ('TH', 'Thailand', 'THB', 'th-TH'),
    ('VN', 'Vietnam', 'VND', 'vi-VN'),
    ('PH', 'Philippines', 'PHP', 'en-PH'),
    ('ID', 'Indonesia', 'IDR', 'id-ID'),
    ('JP', 'Japan', 'JPY', 'ja-JP'),
    ('KR', 'South Korea', 'KRW', 'ko-KR'),
    ('US', 'United States', 'USD', 'en-US'),
    ('GB', 'United Kingdom', 'GBP', 'en-GB'),
    ('DE', 'Germany', 'EUR', 'de-DE'),
    ('FR', 'France', 'EUR', 'fr-FR'),
    ('AU', 'Australia', 'AUD', 'en-AU'),
    ('MX', 'Mexico', 'MXN', 'es-MX'),
    ('BR', 'Brazil', 'BRL', 'pt-BR'),
    ('SA', 'Saudi Arabia', 'SAR', 'ar-SA');
