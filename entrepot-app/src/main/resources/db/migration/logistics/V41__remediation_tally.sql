-- A run's progress (done, failed, remaining, finished in the last minute) was counted over all its items
-- each time the console or the API asked — 150 ms for a run of 100,000 items, asked every second by
-- each console watching it. Every statement that changes items' status now also appends how many it
-- moved, in the same transaction, and progress is the sum of a run's tally rows (one per chunk).
create table logistics.remediation_tally (
    run_id uuid        not null references logistics.remediation_run (id),
    at     timestamptz not null,
    done   integer     not null, -- items done or skipped
    failed integer     not null  -- items failed (negative when failed items are put back to work)
);
create index remediation_tally_run_idx on logistics.remediation_tally (run_id, at);
grant select, insert on logistics.remediation_tally to ${app_role};

-- the runs so far, as their items stand
insert into logistics.remediation_tally (run_id, at, done, failed)
select run_id, max(updated_at), count(*) filter (where status in ('done', 'skipped')), count(*) filter (where status = 'failed')
from logistics.remediation_item group by run_id;
