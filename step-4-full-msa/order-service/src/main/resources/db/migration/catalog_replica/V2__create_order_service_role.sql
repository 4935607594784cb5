-- The service's own database role. Its grants reach the schemas orders and catalog_replica,
-- and nothing else: it reads and writes rows, and creates nothing, so that the administrator's
-- login, which only Flyway uses, is the one that can change a schema. Each schema's migrations
-- grant their own tables, and either may run first, so both create the role when it is not
-- there. Roles belong to the whole server, so an existing one is kept.
do $$
begin
    if not exists (select from pg_roles where rolname = 'order_service') then
        create role order_service login password '${service-role-password}';
    end if;
end
$$;

grant usage on schema catalog_replica to order_service;
grant select, insert, update, delete on all tables in schema catalog_replica to order_service;
alter default privileges in schema catalog_replica grant select, insert, update, delete on tables to order_service;
