-- An analysis also gathers statistics for an index's expressions, from a sample as large as the largest statistics
-- target among the table's columns and those expressions. The index on lower(email) kept the default target, so the
-- buyer orders' analysis still sampled up to 30,000 pages at the measured pace despite V62 (all 5,895 of the table
-- in CheckoutBenchmark).
-- Its expression gets the same target of 1. See docs/decisions/0037.
alter index ordering.buyer_order_email_idx alter column 1 set statistics 1;
