-- Sellers' profiles, restrictions and warehouses are reference data kept per node for the platform's
-- own transactions (shared V42, decision 0022).
create trigger reference_changed after insert or update or delete or truncate on seller.seller
    for each statement execute function shared.reference_changed();
create trigger reference_changed after insert or update or delete or truncate on seller.restriction
    for each statement execute function shared.reference_changed();
create trigger reference_changed after insert or update or delete or truncate on seller.warehouse
    for each statement execute function shared.reference_changed();
