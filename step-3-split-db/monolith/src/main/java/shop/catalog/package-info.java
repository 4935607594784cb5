/**
 * The catalog as the monolith sees it: the products belong to the catalog service. What
 * the module keeps is its API for the other modules ({@link shop.catalog.Catalog},
 * {@link shop.catalog.ProductAdded}), answered from a replica of the products that the
 * catalog's change stream keeps up to date ({@code shop.catalog.replica}).
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package shop.catalog;

import org.springframework.modulith.ApplicationModule;
