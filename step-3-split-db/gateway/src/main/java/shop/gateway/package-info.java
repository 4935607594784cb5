/**
 * The gateway: routing, the sticky cutover policy, the parallel run and the resilience in
 * front of the monolith and the catalog service. It holds no domain code.
 */
package shop.gateway;
