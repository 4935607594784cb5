/**
 * The catalog's change stream, as an adapter of the service: the Debezium engine reads
 * the catalog's database and publishes each change of its products to Kafka, and
 * administrators' writes wait for the stream's subscribers. All Debezium and Kafka code
 * is here.
 */
package shop.catalog.cdc;
