-- A small "production" for `neon-twin demo`: an online shop with the kinds of objects real schemas have.
CREATE EXTENSION IF NOT EXISTS citext;
CREATE TYPE order_status AS ENUM ('pending', 'paid', 'shipped', 'refunded');
CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email citext NOT NULL UNIQUE,
    name text NOT NULL,
    signed_up timestamptz NOT NULL,
    profile jsonb
);
CREATE TABLE products (id int PRIMARY KEY, sku text NOT NULL UNIQUE, title text NOT NULL, price numeric(10, 2) NOT NULL);
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status order_status NOT NULL,
    placed_at timestamptz NOT NULL
);
CREATE INDEX orders_customer ON orders (customer_id);
CREATE TABLE order_lines (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line int NOT NULL,
    product_id int NOT NULL REFERENCES products (id),
    quantity int NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (order_id, line)
);
CREATE TABLE page_views (id bigserial, customer_id bigint, path text NOT NULL, at timestamptz NOT NULL, ip inet, PRIMARY KEY (id, at))
    PARTITION BY RANGE (at);
CREATE TABLE page_views_old PARTITION OF page_views FOR VALUES FROM (MINVALUE) TO ('2026-01-01');
CREATE TABLE page_views_new PARTITION OF page_views FOR VALUES FROM ('2026-01-01') TO (MAXVALUE);
CREATE VIEW paid_orders AS SELECT o.*, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'paid';
CREATE MATERIALIZED VIEW daily_revenue AS
    SELECT date_trunc('day', o.placed_at) AS day, sum(l.quantity * p.price) AS revenue
    FROM orders o JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id GROUP BY 1;

INSERT INTO products SELECT g, 'SKU-' || g, 'Product ' || g, (g % 97) + 0.99 FROM generate_series(1, 500) g;
INSERT INTO customers (email, name, signed_up, profile)
    SELECT 'Customer' || g || '@Example.com', 'Customer ' || g, timestamptz '2024-01-01' + g * interval '13 minutes',
           jsonb_build_object('tier', (ARRAY['free', 'pro', 'team'])[1 + g % 3])
    FROM generate_series(1, 20000) g;
INSERT INTO orders (customer_id, status, placed_at)
    SELECT 1 + g % 20000, (ARRAY['pending', 'paid', 'shipped', 'refunded'])[1 + g % 4]::order_status,
           timestamptz '2025-01-01' + g * interval '7 minutes'
    FROM generate_series(1, 60000) g;
INSERT INTO order_lines SELECT o, l, 1 + (o * l) % 500, 1 + (o + l) % 4 FROM generate_series(1, 60000) o, generate_series(1, 3) l;
INSERT INTO page_views (customer_id, path, at, ip)
    SELECT 1 + g % 20000, '/products/' || (g % 500), timestamptz '2025-06-01' + g * interval '1 minute',
           ('10.0.' || (g % 250) || '.' || (g % 200))::inet
    FROM generate_series(1, 200000) g;
REFRESH MATERIALIZED VIEW daily_revenue;
ANALYZE;
