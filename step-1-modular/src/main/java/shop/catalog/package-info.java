/**
 * The catalog: the products the shop sells and their prices.
 */
// tag::module-api[]
@ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package shop.catalog;
// end::module-api[]

import org.springframework.modulith.ApplicationModule;
