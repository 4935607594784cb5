-- The orders' schema. An order line keeps the SKU and the captured unit price: no
-- foreign key into the catalog's schema.

create table orders.orders (
    id             uuid primary key,
    customer_email varchar(254) not null,
    status         varchar(16)  not null,
    reason         varchar(32),
    total_amount   bigint       not null,
    total_currency varchar(3)   not null,
    created_at     timestamp(6) with time zone not null,
    version        bigint       not null default 0
);

create table orders.order_lines (
    order_id            uuid        not null references orders.orders (id),
    line_no             integer     not null,
    sku                 varchar(40) not null,
    quantity            integer     not null check (quantity > 0),
    unit_price_amount   bigint      not null,
    unit_price_currency varchar(3)  not null,
    primary key (order_id, line_no)
);

-- The unique key is what makes concurrent retries safe: the second insert waits for the
-- first transaction and then fails, and its request answers with the first one's order.
create table orders.idempotency_keys (
    id                  uuid primary key,
    idempotency_key     varchar(255) not null unique,
    request_fingerprint varchar(64)  not null,
    order_id            uuid         not null references orders.orders (id),
    created_at          timestamp(6) with time zone not null
);
