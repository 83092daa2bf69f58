-- Euro reference rates (one row per currency and publication) and finance's manual overrides per pair.
create table market.fx_rate (
    quote       char(3)         not null check (quote ~ '^[A-Z]{3}$'),
    as_of       timestamptz     not null,
    rate        numeric(24, 10) not null check (rate > 0),
    source      text            not null,
    imported_at timestamptz     not null,
    primary key (quote, as_of)
);
comment on table market.fx_rate is 'Units of quote currency per 1 EUR, as published by the source at as_of';

create table market.fx_override (
    id         uuid            primary key,
    base       char(3)         not null check (base ~ '^[A-Z]{3}$'),
    quote      char(3)         not null check (quote ~ '^[A-Z]{3}$' and quote <> base),
    rate       numeric(24, 10) not null check (rate > 0),
    reason     text            not null check (length(reason) between 1 and 500),
    set_by     text            not null,
    set_at     timestamptz     not null,
    cleared_at timestamptz,
    cleared_by text
);
create unique index fx_override_active_pair on market.fx_override (base, quote) where cleared_at is null;
grant select, insert, update on market.fx_rate, market.fx_override to ${app_role};
