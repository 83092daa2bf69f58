-- CSV imports too large to answer at once run as jobs whose progress the seller can follow.
create table catalog.import_job (
    id          uuid        primary key,
    seller_id   uuid        not null,
    status      text        not null check (status in ('running', 'done', 'failed')),
    rows_total  integer     not null check (rows_total >= 0),
    rows_done   integer     not null default 0 check (rows_done >= 0),
    products    integer     not null default 0,
    skus        integer     not null default 0,
    rejected    jsonb       not null default '[]',
    error       text,
    created_at   timestamptz not null,
    heartbeat_at timestamptz not null,
    finished_at  timestamptz
);
create index import_job_seller_idx on catalog.import_job (seller_id, created_at desc);

alter table catalog.import_job enable row level security;
alter table catalog.import_job force row level security;
create policy system_all on catalog.import_job using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_rows on catalog.import_job using (seller_id = shared.actor_seller_id()) with check (seller_id = shared.actor_seller_id());
create policy staff_read on catalog.import_job for select using (shared.actor_is_staff());
grant select, insert, update on catalog.import_job to ${app_role};
