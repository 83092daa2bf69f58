-- Markets and their trade rules are reference data kept per node (shared V42, decision 0022).
create trigger reference_changed after insert or update or delete or truncate on market.market
    for each statement execute function shared.reference_changed();
create trigger reference_changed after insert or update or delete or truncate on market.trade_rule_version
    for each statement execute function shared.reference_changed();
