-- Built without blocking writes: this migration runs outside a transaction on production.
CREATE INDEX CONCURRENTLY customers_loyalty_tier ON customers (loyalty_tier);
