-- The four databases of step 4, one per service, on one server (as ./workshop run makes them).
-- The official postgres image runs this once, on an empty data volume. Each service's Flyway
-- migrations then create its schema and its own login inside its database.
create database catalog;
create database inventory;
create database orders;
create database payments;
