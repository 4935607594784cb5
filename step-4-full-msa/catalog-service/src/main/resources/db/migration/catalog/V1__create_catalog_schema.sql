-- The catalog's schema: products only. Nothing outside this schema references it by a
-- foreign key, and it references nothing outside: the catalog can take it and leave.

create table catalog.products (
    id             uuid primary key,
    sku            varchar(40)   not null unique,
    name           varchar(100)  not null,
    description    varchar(1000) not null default '',
    price_amount   bigint        not null check (price_amount between 1 and 100000000),
    price_currency varchar(3)    not null,
    active         boolean       not null default true
);
