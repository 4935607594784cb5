/**
 * Payments: authorizes order totals with a simulated provider and records every answer.
 */
@ApplicationModule(displayName = "Payments", allowedDependencies = "shared")
package shop.payments;

import org.springframework.modulith.ApplicationModule;
