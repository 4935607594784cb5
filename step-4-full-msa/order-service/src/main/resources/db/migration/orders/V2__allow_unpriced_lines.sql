-- Since step 2 the catalog is a service that may be down. An order placed then is kept,
-- rejected with the reason CATALOG_UNAVAILABLE, with its lines but without prices: no
-- price was ever captured for them, and none is made up.
alter table orders.order_lines alter column unit_price_amount drop not null;
alter table orders.order_lines alter column unit_price_currency drop not null;
