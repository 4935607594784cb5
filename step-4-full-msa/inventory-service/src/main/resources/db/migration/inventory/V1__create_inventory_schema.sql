-- The inventory's schema. Stock is keyed by the catalog's SKU, a plain value now: no
-- foreign key into the catalog's schema.

create table inventory.stock (
    sku      varchar(40) primary key,
    on_hand  integer     not null check (on_hand >= 0),
    reserved integer     not null default 0 check (reserved >= 0),
    version  bigint      not null default 0,
    constraint stock_available_not_negative check (reserved <= on_hand)
);

-- What the inventory did for each order, keyed by the order's id (no foreign key into
-- the orders' schema). One row per order makes reserving, taking and releasing happen
-- once, however often the event arrives.
create table inventory.reservations (
    order_id uuid        primary key,
    status   varchar(16) not null,
    version  bigint      not null default 0
);

create table inventory.reservation_lines (
    order_id uuid        not null references inventory.reservations (order_id),
    line_no  integer     not null,
    sku      varchar(40) not null,
    quantity integer     not null check (quantity > 0),
    primary key (order_id, line_no)
);
