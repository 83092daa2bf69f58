create schema demo;
grant usage on schema demo to ${app_role};

-- Which sets of demonstration data this database has received, so a restart never seeds twice.
create table demo.seed (
    name       text        primary key,
    created_at timestamptz not null
);
grant select, insert on demo.seed to ${app_role};
