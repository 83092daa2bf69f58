-- The sandbox provider's webhooks due for delivery are a small queue of their own, not a partial index on the
-- webhooks. With `(deliver_at) where delivered_at is null` each delivery changed a column of an index's
-- condition, so the delivered webhook was written elsewhere with an entry in the id's index, and vacuum passed
-- over that index at each visit (docs/decisions/0027). Now a webhook is queued in the statement that writes it;
-- a delivery leaves the queue, or stays in it at its next time when it is to be sent again, and changes no
-- indexed column of the webhook, for which the fill factor leaves room on the page.
create table psp_sandbox.webhook_due (
    webhook_id text        primary key,
    deliver_at timestamptz not null
);
create index webhook_due_at_idx on psp_sandbox.webhook_due (deliver_at);
grant select, insert, update, delete on psp_sandbox.webhook_due to ${app_role};

insert into psp_sandbox.webhook_due (webhook_id, deliver_at) select id, deliver_at from psp_sandbox.webhook where delivered_at is null;
drop index psp_sandbox.webhook_due_idx;
alter table psp_sandbox.webhook set (fillfactor = 75);
