-- Shipping rate tables by weight band, per lane: a parcel of w grams pays the price of the first band
-- whose upper bound is at least w. Prices are in the lane's rate currency; quotes convert them.
create table logistics.lane_rate (
    lane_id      uuid        not null references logistics.lane (id),
    up_to_grams  integer     not null check (up_to_grams between 1 and 1000000),
    price_minor  bigint      not null check (price_minor >= 0),
    currency     char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    created_at   timestamptz not null default now(),
    primary key (lane_id, up_to_grams)
);
grant select, insert, update, delete on logistics.lane_rate to ${app_role};

-- Demonstration rate table (US dollars) for every seeded lane: economy air parcel bands.
insert into logistics.lane_rate (lane_id, up_to_grams, price_minor, currency)
select l.id, band.up_to, band.price, 'USD'
from logistics.lane l
cross join (values (500, 550), (1000, 850), (2000, 1350), (5000, 2600), (10000, 4200), (30000, 9500)) as band(up_to, price);
