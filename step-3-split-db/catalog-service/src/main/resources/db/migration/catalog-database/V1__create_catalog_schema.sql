-- The catalog's own database. Its products table has the columns of the old home plus
-- source_lsn: the position in the write-ahead log of the last change applied to the row
-- by change data capture, written in the same transaction as the row, so that a change
-- delivered again (at or below it) is skipped. Rows the service writes itself, once this
-- database is the catalog's home, have none.

create table catalog.products (
    id             uuid primary key,
    sku            varchar(40)   not null unique,
    name           varchar(100)  not null,
    description    varchar(1000) not null default '',
    price_amount   bigint        not null check (price_amount between 1 and 100000000),
    price_currency varchar(3)    not null,
    active         boolean       not null default true,
    source_lsn     bigint
);
