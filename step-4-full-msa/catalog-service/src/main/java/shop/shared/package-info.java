/**
 * What the catalog service shares with the other services by copy, not by dependency:
 * money, problem details, filters, security, JSON and database configuration. No service
 * depends on another's code.
 */
package shop.shared;
