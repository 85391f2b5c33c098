-- The platform's OLTP tables, the source of the CDC path (Postgres -> Flink CDC -> cdc.* topics).
-- Idempotent: safe to run on every start. REPLICA IDENTITY FULL makes updates and deletes carry the
-- whole old row in the logical replication stream (Debezium's "before").
-- Kept in step with io.strata.workload.oltp.OltpTable (checked by PostgresOltpTest).
CREATE SCHEMA IF NOT EXISTS platform;

CREATE TABLE IF NOT EXISTS platform.tenants (
    tenant_id     text        PRIMARY KEY,
    display_name  text        NOT NULL,
    plan          text        NOT NULL,
    region        text        NOT NULL,
    settings      jsonb       NOT NULL,
    active        boolean     NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL
);

-- Customer accounts of each tenant (master data).
CREATE TABLE IF NOT EXISTS platform.customers (
    tenant_id         text          NOT NULL,
    customer_id       bigint        NOT NULL,
    external_ref      text          NOT NULL,
    full_name         text          NOT NULL,
    email             text,
    phone             text,
    segment           text,
    city              text,
    country_code      text,
    credit_limit      numeric(18,2) NOT NULL,
    marketing_opt_in  boolean       NOT NULL,
    attributes        jsonb         NOT NULL,
    created_at        timestamptz   NOT NULL,
    updated_at        timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, customer_id)
);

CREATE TABLE IF NOT EXISTS platform.products (
    tenant_id   text          NOT NULL,
    product_id  bigint        NOT NULL,
    sku         text          NOT NULL,
    name        text          NOT NULL,
    category    text          NOT NULL,
    unit_price  numeric(18,2) NOT NULL,
    currency    text          NOT NULL,
    active      boolean       NOT NULL,
    attributes  jsonb         NOT NULL,
    created_at  timestamptz   NOT NULL,
    updated_at  timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, product_id)
);

-- One price of a product in a named list (standard, promo, wholesale), valid for a time range.
-- No foreign keys: CDC sources rarely have them across services, and deletes stay independent.
CREATE TABLE IF NOT EXISTS platform.price_lists (
    tenant_id      text          NOT NULL,
    price_list_id  bigint        NOT NULL,
    product_id     bigint        NOT NULL,
    list_name      text          NOT NULL,
    currency       text          NOT NULL,
    price          numeric(18,2) NOT NULL,
    min_quantity   integer       NOT NULL,
    valid_from     timestamptz   NOT NULL,
    valid_to       timestamptz,
    updated_at     timestamptz   NOT NULL,
    PRIMARY KEY (tenant_id, price_list_id)
);

ALTER TABLE platform.tenants REPLICA IDENTITY FULL;
ALTER TABLE platform.customers REPLICA IDENTITY FULL;
ALTER TABLE platform.products REPLICA IDENTITY FULL;
ALTER TABLE platform.price_lists REPLICA IDENTITY FULL;
