create schema identity;
grant usage on schema identity to ${app_role};

-- Everyone who signs in with a password: operator staff, sellers' users, buyers.
create table identity.user_account (
    id             uuid        primary key,
    email          text        not null,
    password_hash  text        not null,
    display_name   text        not null,
    kind           text        not null check (kind in ('operator', 'seller', 'buyer')),
    seller_id      uuid,
    operator_roles text[]      not null default '{}',
    enabled        boolean     not null default true,
    created_at     timestamptz not null,
    check ((kind = 'seller') = (seller_id is not null)),
    check (kind = 'operator' or operator_roles = '{}')
);
create unique index user_account_email_key on identity.user_account (lower(email));
create index user_account_seller_idx on identity.user_account (seller_id) where seller_id is not null;

alter table identity.user_account enable row level security;
alter table identity.user_account force row level security;
create policy system_all on identity.user_account
    using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_seller on identity.user_account
    using (seller_id = shared.actor_seller_id()) with check (seller_id = shared.actor_seller_id());
create policy self_read on identity.user_account for select
    using (id = shared.actor_user_id());
create policy admin_staff on identity.user_account
    using (shared.actor_has_role('admin') and seller_id is null)
    with check (shared.actor_has_role('admin'));
grant select, insert, update on identity.user_account to ${app_role};

-- API keys: only a SHA-256 hash of the secret is kept; the key is shown once when issued.
create table identity.api_key (
    id            uuid        primary key,
    key_hash      bytea       not null unique,
    key_prefix    text        not null,
    label         text        not null,
    scope         text        not null check (scope in ('operator', 'seller')),
    operator_role text        check (operator_role in ('admin', 'trust_safety', 'finance', 'logistics', 'compliance', 'first_party_retail')),
    seller_id     uuid,
    created_by    text        not null,
    created_at    timestamptz not null,
    last_used_at  timestamptz,
    revoked_at    timestamptz,
    check ((scope = 'operator') = (operator_role is not null)),
    check ((scope = 'seller') = (seller_id is not null))
);
create index api_key_seller_idx on identity.api_key (seller_id) where seller_id is not null;

alter table identity.api_key enable row level security;
alter table identity.api_key force row level security;
create policy system_all on identity.api_key
    using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_seller on identity.api_key
    using (seller_id = shared.actor_seller_id()) with check (seller_id = shared.actor_seller_id());
-- Admins see and revoke operator keys, and may issue keys to a seller without reading that seller's keys.
create policy admin_operator_keys on identity.api_key
    using (shared.actor_has_role('admin') and scope = 'operator')
    with check (shared.actor_has_role('admin'));
create policy admin_issues_seller_keys on identity.api_key for insert
    with check (shared.actor_has_role('admin'));
grant select, insert, update on identity.api_key to ${app_role};

-- Spring Session JDBC: browser sessions live in the database so every node can serve every request.
create table identity.spring_session (
    primary_id            char(36)     not null primary key,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100)
);
create unique index spring_session_ix1 on identity.spring_session (session_id);
create index spring_session_ix2 on identity.spring_session (expiry_time);
create index spring_session_ix3 on identity.spring_session (principal_name);

create table identity.spring_session_attributes (
    session_primary_id char(36)     not null references identity.spring_session (primary_id) on delete cascade,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    primary key (session_primary_id, attribute_name)
);
grant select, insert, update, delete on identity.spring_session, identity.spring_session_attributes to ${app_role};
