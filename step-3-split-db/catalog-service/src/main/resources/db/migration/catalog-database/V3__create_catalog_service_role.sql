-- The catalog service's role, the same login it has in the old home (roles belong to the
-- whole server), here with grants on this database's schema catalog only. This migration
-- runs with the server's administrator; an existing role is kept.
do $$
begin
    if not exists (select from pg_roles where rolname = 'catalog_service') then
        create role catalog_service login password '${catalog-role-password}';
    end if;
end
$$;

grant usage on schema catalog to catalog_service;
grant select, insert, update, delete on all tables in schema catalog to catalog_service;
