-- The change stream's own login: the engine reads this database's WAL and its catalog
-- tables as catalog_cdc, not as the administrator. REPLICATION lets it read a slot; it
-- selects the rows a snapshot reads, and inserts the watermarks of a repair's chunks into
-- the signal table. The slot and the publication are the administrator's, created before
-- the engine starts (shop.catalog.cdc.ChangeStreams). Roles belong to the whole server,
-- so an existing one is kept. Version 4.1: after the signal table it grants on, and
-- before the old home's retirement, V5.
do $$
begin
    if not exists (select from pg_roles where rolname = 'catalog_cdc') then
        create role catalog_cdc login replication password '${cdc-role-password}';
    end if;
end
$$;

grant usage on schema catalog to catalog_cdc;
grant select on catalog.products to catalog_cdc;
grant select, insert on catalog.debezium_signal to catalog_cdc;
