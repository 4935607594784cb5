/**
 * The catalog as the monolith sees it since step 2: the products and their table left
 * with the catalog service. What stays is step 1's API for the other modules
 * ({@link shop.catalog.Catalog}), answered over HTTP, and, for the migration, step 1's
 * product API as a facade over the service, for the clients the gateway still sends here.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package shop.catalog;

import org.springframework.modulith.ApplicationModule;
