/**
 * The gateway: routing and resilience in front of the catalog, inventory and order
 * services, and the storefront's home. It holds no domain code.
 */
package shop.gateway;
