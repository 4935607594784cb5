-- Phase C: the catalog's data lives in its own database now, so its old copy in the shop's
-- database goes, with the signal table its stream read. Only the tables: the schema keeps
-- Flyway's history, which records this. Applied on command (POST /actuator/migration),
-- never at start.

drop table catalog.products;
drop table catalog.debezium_signal;
