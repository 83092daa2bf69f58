-- Lanes and their rate tables are reference data kept per node (shared V42, decision 0022).
create trigger reference_changed after insert or update or delete or truncate on logistics.lane
    for each statement execute function shared.reference_changed();
create trigger reference_changed after insert or update or delete or truncate on logistics.lane_rate
    for each statement execute function shared.reference_changed();
