/**
 * The inventory: the units of each SKU on hand and reserved for orders.
 * {@link shop.inventory.Inventory} is what the order service asks of it, with the
 * commands of this package over Kafka.
 */
package shop.inventory;
