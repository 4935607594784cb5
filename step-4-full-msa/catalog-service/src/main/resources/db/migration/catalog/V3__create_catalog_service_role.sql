-- The catalog service's own database role. Its grants reach the schema catalog and
-- nothing else: the monolith's schemas in the same database (inventory, orders, payments)
-- stay out of its reach, which is what lets step 3 move the schema to a database of its
-- own. This migration runs with the server's administrator, the only one who may create
-- roles; the service itself then connects as catalog_service (see the README). Roles
-- belong to the whole server, so an existing one is kept.
do $$
begin
    if not exists (select from pg_roles where rolname = 'catalog_service') then
        create role catalog_service login password '${catalog-role-password}';
    end if;
end
$$;

grant usage on schema catalog to catalog_service;
grant select, insert, update, delete on all tables in schema catalog to catalog_service;
alter default privileges in schema catalog grant select, insert, update, delete on tables to catalog_service;
