-- The messages the service has handled (shop.shared.messaging.ProcessedMessages), each named
-- by its topic and key. A row is written in the transaction of the message's effect.
create table orders.processed_messages (
    topic        varchar(200) not null,
    message_key  varchar(200) not null,
    processed_at timestamptz  not null default now(),
    primary key (topic, message_key)
);
