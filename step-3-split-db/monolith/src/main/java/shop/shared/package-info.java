/**
 * What every context uses and none owns: money, problem details, filters, security, JSON
 * and database configuration. A shared module: every other module may depend on it, it
 * depends on none.
 */
@ApplicationModule(displayName = "Shared", type = ApplicationModule.Type.OPEN, allowedDependencies = {})
package shop.shared;

import org.springframework.modulith.ApplicationModule;
