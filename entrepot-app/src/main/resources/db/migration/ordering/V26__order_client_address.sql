-- The network address an order was placed from (the client's, behind trusted proxies): one of the
-- links between buyer accounts that review integrity looks at. Null for orders placed before, or by
-- the platform itself (demo data).
alter table ordering.buyer_order add column client_address inet;
