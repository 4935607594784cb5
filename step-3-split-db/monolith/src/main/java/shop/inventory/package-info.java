/**
 * The inventory: the units of each SKU on hand and reserved for orders.
 */
@ApplicationModule(displayName = "Inventory", allowedDependencies = { "shared", "catalog" })
package shop.inventory;

import org.springframework.modulith.ApplicationModule;
