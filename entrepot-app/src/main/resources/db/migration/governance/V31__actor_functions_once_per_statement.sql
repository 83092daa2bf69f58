-- Policies call the actor functions (current_setting underneath) once per row; wrapped in a scalar
-- sub-query, PostgreSQL computes them once per statement (an InitPlan) and compares each row with the
-- result. Same rules, same answers: only `shared.actor_seller_id()`, `shared.actor_is_system()` and
-- `shared.actor_is_staff()` become `(select …)` in every policy of the application's schemas.
do $$
declare
    r record;
    using_expr text;
    check_expr text;
begin
    for r in select schemaname, tablename, policyname, cmd, qual, with_check from pg_policies
             where schemaname not in ('pg_catalog', 'information_schema')
               and (coalesce(qual, '') || coalesce(with_check, '')) ~ 'shared\.actor_(seller_id|is_system|is_staff)\(\)' loop
        using_expr := replace(replace(replace(r.qual, 'shared.actor_seller_id()', '(select shared.actor_seller_id())'),
                              'shared.actor_is_system()', '(select shared.actor_is_system())'),
                              'shared.actor_is_staff()', '(select shared.actor_is_staff())');
        check_expr := replace(replace(replace(r.with_check, 'shared.actor_seller_id()', '(select shared.actor_seller_id())'),
                              'shared.actor_is_system()', '(select shared.actor_is_system())'),
                              'shared.actor_is_staff()', '(select shared.actor_is_staff())');
        if using_expr is not null and check_expr is not null then
            execute format('alter policy %I on %I.%I using (%s) with check (%s)', r.policyname, r.schemaname, r.tablename, using_expr, check_expr);
        elsif using_expr is not null then
            execute format('alter policy %I on %I.%I using (%s)', r.policyname, r.schemaname, r.tablename, using_expr);
        else
            execute format('alter policy %I on %I.%I with check (%s)', r.policyname, r.schemaname, r.tablename, check_expr);
        end if;
    end loop;
end $$;

-- The grant check keeps its per-row look-up (it depends on the row's seller), behind the same once-per-statement test.
create or replace function governance.grant_allows(seller uuid, scope text) returns boolean
    language sql stable parallel safe
    as $$ select (select shared.actor_is_staff())
                 and exists (select 1 from governance.access_grant g
                             where g.grantee_id = shared.actor_user_id() and g.seller_id = seller and scope = any (g.scopes)
                               and g.revoked_at is null and g.expires_at > statement_timestamp()
                               and (g.approved_at is not null or g.break_glass)) $$;
