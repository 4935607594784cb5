/**
 * The catalog's change stream, as an adapter of the service: the Debezium engine reads
 * the catalog's home database and publishes each change to Kafka, and the copier applies
 * that stream to the catalog's own database. All Debezium and Kafka code is here.
 */
package shop.catalog.cdc;
