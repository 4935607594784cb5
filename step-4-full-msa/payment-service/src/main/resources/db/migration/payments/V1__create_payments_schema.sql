-- The payments' schema. A payment names its order by id only: no foreign key into the
-- orders' schema.

create table payments.payments (
    id         uuid primary key,
    order_id   uuid        not null,
    amount     bigint      not null,
    currency   varchar(3)  not null,
    status     varchar(16) not null,
    created_at timestamp(6) with time zone not null
);

create index payments_by_order on payments.payments (order_id);
