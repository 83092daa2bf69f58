-- Names the demo gives to what it created (sellers, the demo buyer), so later demo steps find them
-- through the demo's own table instead of reading other modules' tables.
create table demo.ref (
    name       text        primary key,
    id         uuid        not null,
    created_at timestamptz not null
);
grant select, insert on demo.ref to ${app_role};
