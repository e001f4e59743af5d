-- Personal data for the privacy tests (docs/privacy.md): names, emails, phones, passwords, and values COPY escapes.
CREATE TABLE customer (
    id int PRIMARY KEY,
    store_id int NOT NULL,
    first_name text,
    last_name text,
    email text,
    phone text,
    activebool boolean NOT NULL,
    note text
);
INSERT INTO customer
SELECT i, 1 + i % 2, 'Firstname' || i, 'Lastname' || i, 'person' || i || '@corp-mail.test', '+1 555-01' || lpad(i::text, 2, '0'),
       i % 3 = 0, 'note ' || i
FROM generate_series(1, 40) i;
-- COPY escapes these: a tab, a backslash and a newline in masked and unmasked fields, and NULLs.
INSERT INTO customer VALUES (41, 1, E'Tab\tName', E'Back\\slash', E'odd\\one@corp-mail.test', NULL, true, E'line one\nline two\twith tab \\ and backslash');
INSERT INTO customer VALUES (42, 1, NULL, 'Nulls', NULL, '0044 20 7946 0000', false, NULL);

CREATE TABLE staff (id int PRIMARY KEY, username text NOT NULL, password text);
INSERT INTO staff VALUES (1, 'mike.hillyer', 'secret-hash-1'), (2, 'jon.stephens', 'secret-hash-2');

CREATE TABLE audit_log (id int, payload text);
INSERT INTO audit_log SELECT i, 'payload ' || i FROM generate_series(1, 10) i;

CREATE TABLE store (id int PRIMARY KEY, city text);
INSERT INTO store VALUES (1, 'Lethbridge'), (2, 'Woodridge');
