/**
 * The catalog as the monolith sees it since step 2: a client of the catalog service. The
 * products and their table left with the service; what stays is the API the other modules
 * used in step 1, now answered over HTTP.
 */
@ApplicationModule(displayName = "Catalog", allowedDependencies = "shared")
package shop.catalog;

import org.springframework.modulith.ApplicationModule;
