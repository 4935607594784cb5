/**
 * The gateway: routing and resilience in front of the monolith and the catalog service.
 * It holds no domain code.
 */
package shop.gateway;
