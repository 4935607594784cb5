/**
 * Step 2 tested as it really runs: catalog-service, monolith and gateway as three JVMs
 * started from their executable jars, one embedded PostgreSQL, every call through the
 * gateway.
 */
package shop.systemtests;
