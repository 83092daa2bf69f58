create schema logistics;
grant usage on schema logistics to ${app_role};

-- A carrier service from an origin country to a destination market. Operator reference data.
create table logistics.lane (
    id                 uuid        primary key,
    origin_country     char(2)     not null check (origin_country ~ '^[A-Z]{2}$'),
    destination_market char(2)     not null check (destination_market ~ '^[A-Z]{2}$'),
    carrier_service    text        not null check (length(carrier_service) between 1 and 100),
    transit_days_min   integer     not null check (transit_days_min >= 0),
    transit_days_max   integer     not null check (transit_days_max >= transit_days_min),
    active             boolean     not null default true,
    created_at         timestamptz not null default now(),
    unique (origin_country, destination_market, carrier_service)
);
grant select, insert, update on logistics.lane to ${app_role};

-- Demonstration network: cross-border air lanes from China and Vietnam.
insert into logistics.lane (id, origin_country, destination_market, carrier_service, transit_days_min, transit_days_max)
select gen_random_uuid(), 'CN', m, 'Entrepot Air Economy', 5, 12
from unnest(array['SG', 'MY', 'TH', 'VN', 'PH', 'ID', 'JP', 'KR', 'US', 'GB', 'DE', 'FR', 'AU', 'MX', 'BR', 'SA']) as m;
insert into logistics.lane (id, origin_country, destination_market, carrier_service, transit_days_min, transit_days_max)
select gen_random_uuid(), 'VN', m, 'Entrepot Air Economy', 4, 10
from unnest(array['SG', 'MY', 'TH', 'PH', 'JP', 'KR', 'US', 'AU']) as m;
