-- Per-market rules that do not change often (currency display, locales, price rounding, returns),
-- and dated versions of the trade rules that do (tax, de minimis, who collects, prohibited categories).
create extension if not exists btree_gist;

alter table market.market
    add column display_minor_units smallint check (display_minor_units between 0 and 4),
    add column locales             text[]        not null default '{}',
    add column price_increment     numeric(20, 4) not null default 0.01 check (price_increment > 0),
    add column price_rounding      text          not null default 'half_up' check (price_rounding in ('half_up', 'up', 'down')),
    add column charm_modulus       numeric(20, 4) check (charm_modulus > 0),
    add column charm_ending        numeric(20, 4) check (charm_ending >= 0),
    add column return_window_days  integer       not null default 0 check (return_window_days between 0 and 365),
    add column return_basis        text          not null default '',
    add column updated_at          timestamptz,
    add constraint charm_complete check ((charm_modulus is null) = (charm_ending is null)),
    add constraint charm_below_modulus check (charm_ending is null or charm_ending < charm_modulus);

create table market.trade_rule_version (
    id                            uuid          primary key,
    market_code                   char(2)       not null references market.market (code),
    effective_from                timestamptz   not null,
    effective_to                  timestamptz,
    tax_name                      text          not null check (length(tax_name) between 1 and 100),
    import_tax_rate_pct           numeric(6, 3) not null check (import_tax_rate_pct between 0 and 100),
    tax_collection                text          not null check (tax_collection in ('platform_at_checkout', 'border', 'courier')),
    checkout_ceiling_minor        bigint        check (checkout_ceiling_minor >= 0),
    checkout_ceiling_currency     char(3),
    duty_de_minimis_minor         bigint        check (duty_de_minimis_minor >= 0),
    duty_de_minimis_currency      char(3),
    duty_basis                    text          not null check (duty_basis in ('none', 'fob', 'cif', 'customs_value', 'goods_and_freight', 'per_item', 'per_consignment')),
    tax_de_minimis_minor          bigint        check (tax_de_minimis_minor >= 0),
    tax_de_minimis_currency       char(3),
    tax_basis                     text          not null check (tax_basis in ('none', 'fob', 'cif', 'customs_value', 'goods_and_freight', 'per_item', 'per_consignment')),
    flat_duty_per_category_minor  bigint        check (flat_duty_per_category_minor >= 0),
    flat_duty_currency            char(3),
    prohibited_categories         text[]        not null default '{}',
    source                        text          not null,
    as_of                         text          not null,
    confidence                    text          not null default '',
    notes                         text          not null default '',
    created_by                    text          not null,
    created_at                    timestamptz   not null,
    check (effective_to is null or effective_to > effective_from),
    check ((checkout_ceiling_minor is null) = (checkout_ceiling_currency is null)),
    check ((duty_de_minimis_minor is null) = (duty_de_minimis_currency is null)),
    check ((tax_de_minimis_minor is null) = (tax_de_minimis_currency is null)),
    check ((flat_duty_per_category_minor is null) = (flat_duty_currency is null)),
    -- At any instant a market has at most one version in force.
    constraint one_version_at_a_time exclude using gist (
        market_code with =, tstzrange(effective_from, effective_to, '[)') with &&)
);
create index trade_rule_version_market_idx on market.trade_rule_version (market_code, effective_from);
grant select, insert, update on market.trade_rule_version to ${app_role};
