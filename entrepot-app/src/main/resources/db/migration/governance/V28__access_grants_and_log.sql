-- Purpose-bound operator access and the seller's access log.
--
-- Operator staff used to read every seller's orders, catalogue, shipments and books by role alone
-- ("staff_read"). From here on they read one seller's data only through an access grant: a purpose,
-- a reference, at most 72 hours, approved by a second operator with the compliance role (or
-- break-glass: at once, at most 4 hours, flagged for review). The policies below check the grant in
-- the database on every statement, so an expired or revoked grant stops access at once.
create schema governance;
grant usage on schema governance to ${app_role};

alter table identity.api_key drop constraint api_key_operator_role_check;
alter table identity.api_key add constraint api_key_operator_role_check
    check (operator_role in ('admin', 'trust_safety', 'finance', 'logistics', 'support', 'compliance', 'auditor', 'first_party_retail'));

create table governance.access_grant (
    id            uuid        primary key,
    seller_id     uuid        not null,  -- a seller of the seller module (by id only: no foreign keys across modules)
    grantee_id    uuid        not null,
    grantee       text        not null,
    scopes        text[]      not null check (cardinality(scopes) > 0
                                              and scopes <@ array['orders', 'catalog', 'shipments', 'ledger', 'reviews']),
    purpose       text        not null check (purpose in ('dispute', 'fraud_investigation', 'legal_request', 'seller_support',
                                                          'disruption_remediation')),
    reference     text        not null check (length(reference) between 1 and 200),
    hours         int         not null check (hours between 1 and 72),
    break_glass   boolean     not null default false,
    requested_at  timestamptz not null,
    approved_by   uuid,
    approver      text,
    approved_at   timestamptz,
    expires_at    timestamptz,
    revoked_by    text,
    revoked_at    timestamptz,
    revoke_reason text,
    reviewed_by   text,
    reviewed_at   timestamptz,
    review_note   text,
    -- four eyes: nobody approves their own request
    check (approved_by is null or approved_by <> grantee_id),
    check (not break_glass or hours <= 4),
    check (expires_at is null or expires_at <= coalesce(approved_at, requested_at) + interval '72 hours'),
    check (break_glass or (approved_at is null) = (expires_at is null))
);
create index access_grant_grantee_idx on governance.access_grant (grantee_id, seller_id);
create index access_grant_seller_idx on governance.access_grant (seller_id, requested_at);
grant select, insert, update on governance.access_grant to ${app_role};

alter table governance.access_grant enable row level security;
alter table governance.access_grant force row level security;
create policy system_all on governance.access_grant using (shared.actor_is_system()) with check (shared.actor_is_system());
-- the seller sees every grant on its data
create policy own_rows on governance.access_grant for select using (seller_id = shared.actor_seller_id());
-- staff request grants for themselves, see and revoke their own
create policy grantee_rows on governance.access_grant
    using (shared.actor_is_staff() and grantee_id = shared.actor_user_id())
    with check (shared.actor_is_staff() and grantee_id = shared.actor_user_id());
-- compliance approves, revokes and reviews any grant; auditors read them all
create policy compliance_all on governance.access_grant using (shared.actor_has_role('compliance'))
    with check (shared.actor_has_role('compliance'));
create policy auditor_read on governance.access_grant for select using (shared.actor_has_role('auditor'));

-- Only compliance approves (or reviews), and never a request of its own (the check above); the
-- grantee may only revoke. The database holds this too, not just the application.
create function governance.guard_grant() returns trigger
    language plpgsql
    as $$
    begin
        if (new.approved_by, new.approver, new.approved_at, new.expires_at, new.reviewed_by, new.reviewed_at, new.review_note)
               is distinct from (old.approved_by, old.approver, old.approved_at, old.expires_at, old.reviewed_by, old.reviewed_at, old.review_note)
           and not (shared.actor_has_role('compliance') or shared.actor_is_system()) then
            raise exception 'only compliance approves or reviews an access grant' using errcode = 'insufficient_privilege';
        end if;
        if (new.id, new.seller_id, new.grantee_id, new.grantee, new.scopes, new.purpose, new.reference, new.hours, new.break_glass, new.requested_at)
               is distinct from (old.id, old.seller_id, old.grantee_id, old.grantee, old.scopes, old.purpose, old.reference, old.hours,
                                 old.break_glass, old.requested_at) then
            raise exception 'an access grant''s request is not changed after the fact' using errcode = 'insufficient_privilege';
        end if;
        return new;
    end $$;
create trigger access_grant_guard before update on governance.access_grant for each row execute function governance.guard_grant();

-- Does the acting operator hold a live grant on this seller's data of this scope? Evaluated per
-- statement (statement_timestamp), so expiry needs no job and no new session.
create function governance.grant_allows(seller uuid, scope text) returns boolean
    language sql stable parallel safe
    as $$ select shared.actor_is_staff()
                 and exists (select 1 from governance.access_grant g
                             where g.grantee_id = shared.actor_user_id() and g.seller_id = seller and scope = any (g.scopes)
                               and g.revoked_at is null and g.expires_at > statement_timestamp()
                               and (g.approved_at is not null or g.break_glass)) $$;

-- Replace the role-wide staff reads on a seller's business data by grant checks.
do $$
declare
    r record;
    t text;
begin
    for r in select * from (values
            ('ordering', 'seller_order', 'orders'), ('ordering', 'order_line', 'orders'), ('ordering', 'refund', 'orders'),
            ('catalog', 'product', 'catalog'), ('catalog', 'product_content', 'catalog'), ('catalog', 'sku', 'catalog'),
            ('catalog', 'stock', 'catalog'), ('catalog', 'offer', 'catalog'), ('catalog', 'offer_price', 'catalog'),
            ('catalog', 'offer_price_history', 'catalog'), ('catalog', 'reservation', 'catalog'), ('catalog', 'import_job', 'catalog'),
            ('logistics', 'shipment', 'shipments'), ('logistics', 'tracking_event', 'shipments'),
            ('logistics', 'remediation_item', 'shipments'), ('logistics', 'notification', 'shipments'),
            ('reviews', 'review', 'reviews'), ('reviews', 'review_band', 'reviews'), ('reviews', 'moderation_decision', 'reviews'),
            ('reviews', 'review_report', 'reviews'), ('reviews', 'confirmed_fake', 'reviews'),
            ('reviews', 'enforcement_action', 'reviews'), ('reviews', 'appeal', 'reviews'), ('reviews', 'seller_notice', 'reviews'))
            as t(schema_name, table_name, scope) loop
        execute format('drop policy staff_read on %I.%I', r.schema_name, r.table_name);
        execute format('create policy granted_read on %I.%I for select using (governance.grant_allows(seller_id, %L))',
                       r.schema_name, r.table_name, r.scope);
    end loop;
    -- Content moderation and the enforcement ladder are trust & safety's standing duty (decision 0015):
    -- reviews are buyers' words about a seller, published unless held, and every decision is recorded.
    foreach t in array array['review', 'review_band', 'moderation_decision', 'review_report', 'confirmed_fake',
                                        'enforcement_action', 'appeal', 'seller_notice'] loop
        execute format('create policy moderation_read on reviews.%I for select using (shared.actor_has_role(''trust_safety'') or shared.actor_has_role(''admin''))', t);
    end loop;
end $$;

drop policy finance_read on ledger.account;
drop policy finance_read on ledger.posting;
drop policy finance_read on ledger.journal_entry;
drop policy finance_read on ledger.payout;
create policy granted_read on ledger.account for select
    using (case when seller_id is null then shared.actor_has_role('finance') else governance.grant_allows(seller_id, 'ledger') end);
create policy granted_read on ledger.posting for select
    using (case when seller_id is null then shared.actor_has_role('finance') else governance.grant_allows(seller_id, 'ledger') end);
create policy granted_read on ledger.payout for select using (governance.grant_allows(seller_id, 'ledger'));
-- a journal entry is visible to finance where it touches no seller, or where a grant covers every seller it touches
create policy granted_read on ledger.journal_entry for select
    using (shared.actor_is_staff()
           and not exists (select 1 from ledger.posting p
                           where p.entry_id = journal_entry.id and p.seller_id is not null
                             and not governance.grant_allows(p.seller_id, 'ledger'))
           and (shared.actor_has_role('finance')
                or exists (select 1 from ledger.posting p where p.entry_id = journal_entry.id and p.seller_id is not null)));

-- The access log: one entry per read or write of a seller's data under a grant or a system purpose,
-- each carrying the SHA-256 of the previous entry. The application role may only insert; a trigger
-- refuses every update and delete, also the owner's (whose edits `audit verify` detects anyway).
create table governance.access_log (
    seq         bigint      primary key,
    id          uuid        not null unique,
    occurred_at timestamptz not null,
    seller_id   uuid        not null,
    actor       text        not null,
    grant_id    uuid,
    purpose     text        not null,
    reference   text        not null default '',
    operation   text        not null,
    object_ids  text[]      not null default '{}',
    prev_hash   bytea       not null check (length(prev_hash) = 32),
    hash        bytea       not null check (length(hash) = 32)
);
create index access_log_seller_idx on governance.access_log (seller_id, occurred_at);
grant select, insert on governance.access_log to ${app_role};

create function governance.refuse_change() returns trigger
    language plpgsql
    as $$ begin raise exception 'the access log is append-only (% refused)', tg_op using errcode = 'insufficient_privilege'; end $$;
create trigger access_log_append_only before update or delete on governance.access_log
    for each row execute function governance.refuse_change();
create trigger access_log_no_truncate before truncate on governance.access_log
    for each statement execute function governance.refuse_change();

alter table governance.access_log enable row level security;
alter table governance.access_log force row level security;
create policy system_all on governance.access_log for select using (shared.actor_is_system());
create policy system_append on governance.access_log for insert with check (shared.actor_is_system());
create policy staff_append on governance.access_log for insert with check (shared.actor_is_staff());
create policy own_rows on governance.access_log for select using (seller_id = shared.actor_seller_id());
create policy oversight_read on governance.access_log for select
    using (shared.actor_has_role('auditor') or shared.actor_has_role('compliance'));

-- The head of the chain: one row, locked by every append (which serialises appends) and advanced
-- in the same transaction. It is a pointer, not evidence: the verifier trusts only the entries and
-- the signed checkpoints, and reports a head that disagrees with them (a deleted last entry).
create table governance.access_log_head (
    singleton boolean primary key default true check (singleton),
    seq       bigint  not null,
    hash      bytea   not null check (length(hash) = 32)
);
insert into governance.access_log_head (seq, hash) values (0, decode(repeat('00', 32), 'hex'));
grant select, update on governance.access_log_head to ${app_role};

-- Each seller's monthly transparency summary, once per seller and month, sent as a webhook.
create table governance.transparency_report (
    seller_id  uuid        not null,
    month      text        not null check (month ~ '^[0-9]{4}-[0-9]{2}$'),
    accesses   bigint      not null,
    summary    jsonb       not null,
    created_at timestamptz not null,
    primary key (seller_id, month)
);
grant select, insert on governance.transparency_report to ${app_role};
alter table governance.transparency_report enable row level security;
alter table governance.transparency_report force row level security;
create policy system_all on governance.transparency_report using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_rows on governance.transparency_report for select using (seller_id = shared.actor_seller_id());
