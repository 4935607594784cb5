/**
 * Step 4 tested as it really runs: the catalog, inventory, payment and order services and
 * the gateway as six JVMs (with the registry) started from their executable jars, one
 * embedded PostgreSQL with a database per service, one embedded Kafka broker, every
 * client call through the gateway. The contract runs first
 * ({@code junit-platform.properties}, {@link org.junit.jupiter.api.Order}); the classes
 * that kill processes run last.
 */
package shop.systemtests;
