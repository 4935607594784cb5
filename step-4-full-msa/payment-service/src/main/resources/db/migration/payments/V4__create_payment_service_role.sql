-- The service's own database role. Its grants reach the schema payments and nothing else: it
-- reads and writes rows, and creates nothing, so that the administrator's login, which only
-- Flyway uses, is the one that can change the schema. Roles belong to the whole server, so an
-- existing one is kept.
do $$
begin
    if not exists (select from pg_roles where rolname = 'payment_service') then
        create role payment_service login password '${service-role-password}';
    end if;
end
$$;

grant usage on schema payments to payment_service;
grant select, insert, update, delete on all tables in schema payments to payment_service;
alter default privileges in schema payments grant select, insert, update, delete on tables to payment_service;

-- PostgreSQL before 15 lets every role create tables in the schema public; the database is
-- the service's own, so nobody but the administrator needs to.
revoke create on schema public from public;
