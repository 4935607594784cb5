/**
 * The inventory service, as the order service sees it: {@link shop.inventory.Inventory},
 * answered by commands over Kafka, and the answers that come back.
 */
package shop.inventory;
