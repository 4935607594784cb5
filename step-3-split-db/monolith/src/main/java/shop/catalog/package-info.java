/**
 * The catalog as the monolith sees it: the products and their table belong to the catalog
 * service. What the module keeps is its API for the other modules
 * ({@link shop.catalog.Catalog}), answered over HTTP, and, for the migration, the product
 * API as a facade over the service, for the clients the gateway still sends here.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package shop.catalog;

import org.springframework.modulith.ApplicationModule;
