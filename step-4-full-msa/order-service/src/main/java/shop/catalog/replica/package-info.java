/**
 * The replica of the catalog, an adapter between the catalog service's change stream and
 * the monolith: it reads the topic {@code catalog.products} (Debezium change events),
 * applies each change to the table {@code catalog_replica.products} at most once, and
 * answers {@link shop.catalog.Catalog} from that table. The only code of the monolith
 * that knows Kafka, and the only code that writes the replica.
 */
package shop.catalog.replica;
