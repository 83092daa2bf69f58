-- Reference data (markets, trade rules, lanes and their rates, sellers' profiles and warehouses) is read
-- on every quote and changes rarely. Each node may keep copies of it for the platform's own transactions
-- (io.entrepot.shared.ReferenceData, decision 0022), and needs to know at once when a copy is out of date:
-- every change to one of those tables raises that table's generation in the same transaction, so a
-- transaction that reads the generations first sees every change committed before it, and a copy made
-- at a lower generation is not used. The sum of the rows grows with every change to any of the tables;
-- readers sum them in a sub-query of their own statement, planned once per connection (a SQL function
-- with an aggregate is not inlined: it would be planned anew at every call, measured at ~0.15 ms).
-- One row per table, so changes to different tables do not wait for each other.
create table shared.reference_generation (
    table_name text primary key,
    generation bigint not null default 0
);
grant select on shared.reference_generation to ${app_role};

-- A statement trigger: one increment per changing statement, however many rows it changed.
create function shared.reference_changed() returns trigger
    language plpgsql security definer set search_path = pg_catalog
    as $$
begin
    insert into shared.reference_generation as g (table_name, generation) values (tg_table_schema || '.' || tg_table_name, 1)
    on conflict (table_name) do update set generation = g.generation + 1;
    return null;
end $$;
revoke all on function shared.reference_changed() from public;
