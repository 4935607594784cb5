-- Where the move of the catalog's data stands, one row: A (the old home serves, this
-- database follows), B (this database serves) or C (the old copy is gone). It lives here,
-- in the catalog's own database, so a restart comes back in the same phase.

create table catalog.migration_phase (
    singleton  boolean     primary key default true check (singleton),
    phase      varchar(1)  not null check (phase in ('A', 'B', 'C')),
    changed_at timestamptz not null default now()
);

insert into catalog.migration_phase (phase) values ('A');
