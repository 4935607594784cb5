-- The outbox: Spring Modulith's event publication registry, in the service's own schema
-- (spring.modulith.events.jdbc.schema) and under Flyway like every other table, so that the
-- service's role needs no right to create tables. An event is a row here, written in the
-- transaction of the change that published it; completion_date is set once it is sent.
create table payments.event_publication (
    id                     uuid                     primary key,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);

-- The registry finds a publication by its serialized event when it marks it completed,
-- and the cleanup deletes by completion date.
create index event_publication_by_event on payments.event_publication using hash (serialized_event);
create index event_publication_by_completion on payments.event_publication (completion_date);
