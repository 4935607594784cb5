/**
 * What the catalog service shares with the monolith by copy, not by dependency: money,
 * problem details, filters, security, JSON and database configuration. Neither app
 * depends on the other's code.
 */
package shop.shared;
