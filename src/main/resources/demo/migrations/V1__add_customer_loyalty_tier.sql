-- Proven on a branch of the twin: every customer gets a loyalty tier.
ALTER TABLE customers ADD COLUMN loyalty_tier text NOT NULL DEFAULT 'standard';
