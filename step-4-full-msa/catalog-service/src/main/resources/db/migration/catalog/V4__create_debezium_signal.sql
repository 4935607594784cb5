-- Debezium's signal table: a row inserted here asks the change stream of this database for
-- an incremental snapshot (POST /actuator/repair), and the engine writes the watermarks of
-- the snapshot's chunks here. The stream captures it with the products; only the server's
-- administrator, the engine's login, writes it.

create table catalog.debezium_signal (
    id   varchar(64) primary key,
    type varchar(32) not null,
    data varchar(2048)
);
