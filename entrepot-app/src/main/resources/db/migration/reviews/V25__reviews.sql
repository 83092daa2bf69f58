-- Reviews of delivered order lines, their integrity signals and verdicts, moderation decisions,
-- buyers' reports, and the enforcement ladder against sellers (actions, appeals, notices).
create schema reviews;
grant usage on schema reviews to ${app_role};

create table reviews.review (
    id              uuid         primary key,
    market_code     char(2)      not null,
    order_line_id   uuid         not null unique,
    seller_order_id uuid         not null,
    seller_id       uuid         not null,
    product_id      uuid         not null,
    offer_id        uuid         not null,
    reviewer        text         not null check (length(reviewer) between 1 and 254),
    rating          smallint     not null check (rating between 1 and 5),
    body            text         not null check (length(body) between 1 and 4000),
    locale          text         not null check (locale ~ '^[a-z]{2}(-[A-Z]{2})?$'),
    photo_urls      text[]       not null default '{}',
    status          text         not null check (status in ('published', 'held', 'removed')),
    score           numeric(5, 4) not null check (score between 0 and 1),
    signals         jsonb        not null,
    signature       integer[]    not null,
    decided_by      text         not null,
    reply           text         check (length(reply) between 1 and 2000),
    replied_at      timestamptz,
    reports         integer      not null default 0 check (reports >= 0),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);
create index review_product_idx on reviews.review (product_id, status, created_at);
create index review_seller_idx on reviews.review (seller_id, created_at);
create index review_reviewer_idx on reviews.review (reviewer, created_at);
create index review_queue_idx on reviews.review (status, score desc) where status = 'held';

-- LSH buckets of each review's MinHash signature: a new review meets its near-duplicates here.
create table reviews.review_band (
    band_key   bigint not null,
    review_id  uuid   not null references reviews.review (id),
    seller_id  uuid   not null,
    primary key (band_key, review_id)
);

-- Every verdict, automatic or by a person: who, when, why, and the score it was made on.
create table reviews.moderation_decision (
    id         uuid        primary key,
    review_id  uuid        not null references reviews.review (id),
    seller_id  uuid        not null,
    decision   text        not null check (decision in ('published', 'held', 'removed')),
    reason     text        not null check (length(reason) between 1 and 500),
    actor      text        not null,
    automatic  boolean     not null,
    score      numeric(5, 4) not null,
    created_at timestamptz not null
);
create index moderation_decision_review_idx on reviews.moderation_decision (review_id, created_at);

create table reviews.review_report (
    id         uuid        primary key,
    review_id  uuid        not null references reviews.review (id),
    seller_id  uuid        not null,
    reason     text        not null check (length(reason) between 1 and 500),
    created_at timestamptz not null
);

-- A removed review is a confirmed fake on the seller's record until the window passes or an appeal
-- excuses it.
create table reviews.confirmed_fake (
    review_id    uuid        primary key references reviews.review (id),
    seller_id    uuid        not null,
    confirmed_at timestamptz not null,
    excused_at   timestamptz,
    created_at   timestamptz not null
);
create index confirmed_fake_seller_idx on reviews.confirmed_fake (seller_id, confirmed_at);

create table reviews.enforcement_action (
    id             uuid        primary key,
    seller_id      uuid        not null,
    step           text        not null check (step in ('warning', 'ranking_penalty', 'restriction', 'suspension')),
    reason         text        not null,
    fakes          integer     not null,
    lifted_at      timestamptz,
    lifted_because text,
    created_at     timestamptz not null
);
create index enforcement_action_seller_idx on reviews.enforcement_action (seller_id, created_at);

create table reviews.appeal (
    id              uuid        primary key,
    seller_id       uuid        not null,
    action_id       uuid        not null references reviews.enforcement_action (id),
    statement       text        not null check (length(statement) between 10 and 4000),
    status          text        not null check (status in ('open', 'upheld', 'overturned')),
    decided_by      text,
    decision_reason text,
    decided_at      timestamptz,
    created_at      timestamptz not null
);
create unique index appeal_open_idx on reviews.appeal (action_id) where status = 'open';

create table reviews.seller_notice (
    id         uuid        primary key,
    seller_id  uuid        not null,
    subject    text        not null,
    body       text        not null,
    created_at timestamptz not null
);
create index seller_notice_seller_idx on reviews.seller_notice (seller_id, created_at);

grant select, insert, update on reviews.review, reviews.review_band, reviews.moderation_decision, reviews.review_report,
    reviews.confirmed_fake, reviews.enforcement_action, reviews.appeal, reviews.seller_notice to ${app_role};

do $$
declare t text;
begin
    foreach t in array array['review', 'review_band', 'moderation_decision', 'review_report', 'confirmed_fake',
                             'enforcement_action', 'appeal', 'seller_notice'] loop
        execute format('alter table reviews.%I enable row level security', t);
        execute format('alter table reviews.%I force row level security', t);
        execute format('create policy system_all on reviews.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on reviews.%I for select using (seller_id = shared.actor_seller_id())', t);
        execute format('create policy staff_read on reviews.%I for select using (shared.actor_is_staff())', t);
    end loop;
end $$;
