-- The first draft, as the pull request brings it: the index is built the usual way.
CREATE INDEX customers_loyalty_tier ON customers (loyalty_tier);
