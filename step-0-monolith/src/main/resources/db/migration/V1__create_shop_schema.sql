-- One schema for the whole shop. The tables of the four contexts sit side by side and
-- reference each other freely: stock and order lines point at products, payments and
-- idempotency keys point at orders. Step 1 splits this into one schema per context.

create table products (
    id             uuid primary key,
    sku            varchar(40)   not null unique,
    name           varchar(100)  not null,
    description    varchar(1000) not null default '',
    price_amount   bigint        not null check (price_amount between 1 and 100000000),
    price_currency varchar(3)    not null,
    active         boolean       not null default true
);

-- Inventory keyed by the catalog's SKU, with a foreign key into the catalog's table.
create table stock (
    sku      varchar(40) primary key references products (sku),
    on_hand  integer     not null check (on_hand >= 0),
    reserved integer     not null default 0 check (reserved >= 0),
    version  bigint      not null default 0,
    constraint stock_available_not_negative check (reserved <= on_hand)
);

create table orders (
    id             uuid primary key,
    customer_email varchar(254) not null,
    status         varchar(16)  not null,
    reason         varchar(32),
    total_amount   bigint       not null,
    total_currency varchar(3)   not null,
    created_at     timestamp(6) with time zone not null,
    version        bigint       not null default 0
);

-- An order line references the catalog's product row: orders and catalog share a key.
create table order_lines (
    order_id            uuid    not null references orders (id),
    line_no             integer not null,
    product_id          uuid    not null references products (id),
    quantity            integer not null check (quantity > 0),
    unit_price_amount   bigint  not null,
    unit_price_currency varchar(3) not null,
    primary key (order_id, line_no)
);

create table payments (
    id         uuid primary key,
    order_id   uuid        not null references orders (id),
    amount     bigint      not null,
    currency   varchar(3)  not null,
    status     varchar(16) not null,
    created_at timestamp(6) with time zone not null
);

-- The unique key is what makes concurrent retries safe: the second insert waits for the
-- first transaction and then fails, and its request answers with the first one's order.
create table idempotency_keys (
    id                  uuid primary key,
    idempotency_key     varchar(255) not null unique,
    request_fingerprint varchar(64)  not null,
    order_id            uuid         not null references orders (id),
    created_at          timestamp(6) with time zone not null
);
