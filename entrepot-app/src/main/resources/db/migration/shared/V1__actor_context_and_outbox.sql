-- The actor of the current transaction, as set by the application with set_config(..., true).
-- Row-level security policies call these functions; with no actor set every function answers
-- "nobody", so policies fail closed.
create schema shared;
grant usage on schema shared to ${app_role};

create function shared.actor_kind() returns text
    language sql stable parallel safe
    as $$ select coalesce(nullif(current_setting('entrepot.actor_kind', true), ''), 'none') $$;

create function shared.actor_user_id() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('entrepot.user_id', true), '')::uuid $$;

create function shared.actor_seller_id() returns uuid
    language sql stable parallel safe
    as $$ select case when shared.actor_kind() = 'seller'
                      then nullif(current_setting('entrepot.seller_id', true), '')::uuid end $$;

create function shared.actor_has_role(role text) returns boolean
    language sql stable parallel safe
    as $$ select shared.actor_kind() = 'operator'
                 and role = any (string_to_array(nullif(current_setting('entrepot.operator_roles', true), ''), ',')) $$;

-- Operator staff other than the first-party retail team, which is treated as an ordinary seller.
create function shared.actor_is_staff() returns boolean
    language sql stable parallel safe
    as $$ select shared.actor_kind() = 'operator'
                 and exists (select 1
                             from unnest(string_to_array(nullif(current_setting('entrepot.operator_roles', true), ''), ',')) r
                             where r <> 'first_party_retail') $$;

create function shared.actor_is_system() returns boolean
    language sql stable parallel safe
    as $$ select shared.actor_kind() = 'system'
                 and nullif(current_setting('entrepot.system_purpose', true), '') is not null $$;

-- Spring Modulith's event publication registry (transactional outbox), structure v2.
create schema events;
grant usage on schema events to ${app_role};
create table events.event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on events.event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on events.event_publication (completion_date);
grant select, insert, update, delete on events.event_publication to ${app_role};
