-- The monolith's read-only copy of what it needs from the catalog: enough to price an order
-- line. The catalog service owns the products; this table follows its change stream (topic
-- catalog.products) and is written by the replica's feed alone.
--
-- source_lsn is the position in the catalog database's log (WAL) of the last change
-- applied to the row, written in the same transaction as the row. A change at or below it
-- was applied already and is skipped: redelivered changes leave the table as it is.
--
-- A product deleted in the catalog stays here, inactive, so that its source_lsn keeps
-- refusing the older changes a redelivery may bring back.

create table catalog_replica.products (
    id             uuid primary key,
    sku            varchar(40)  not null,
    name           varchar(100) not null,
    price_amount   bigint       not null,
    price_currency varchar(3)   not null,
    active         boolean      not null,
    source_lsn     bigint       not null
);

-- Not unique: the catalog keeps SKUs unique, but two products' changes travel on different
-- partitions, so for a moment the replica may hold a SKU freed by one product and taken by
-- another. A unique index would stop the feed there.
create index products_sku on catalog_replica.products (sku);
