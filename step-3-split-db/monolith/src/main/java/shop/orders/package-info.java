/**
 * Orders: places a customer's order and sees it through stock and payment to its final
 * status.
 */
@ApplicationModule(displayName = "Orders", allowedDependencies = { "shared", "catalog", "inventory", "payments" })
package shop.orders;

import org.springframework.modulith.ApplicationModule;
