-- A remediation writes two notifications per order, and each one's foreign key took a KEY SHARE lock
-- on the run's single row, which every worker of the run shares. Runs are never deleted (the
-- application role cannot, and nothing else does), and notifications are only ever written by the run
-- they name, so the reference is kept by the code that writes them, without the per-row lock.
alter table logistics.notification drop constraint notification_run_id_fkey;
