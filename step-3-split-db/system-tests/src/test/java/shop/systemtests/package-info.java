/**
 * Step 3 tested as it really runs: catalog-service, monolith and gateway as three JVMs
 * started from their executable jars, one embedded PostgreSQL with the databases
 * {@code shop} and {@code catalog}, one embedded Kafka broker, every client call through
 * the gateway. The classes run in the order of the migration
 * ({@code junit-platform.properties}, {@link org.junit.jupiter.api.Order}): phase A's
 * tests, the cutover to phase B, phase B's, the retirement to phase C, phase C's; the
 * classes without an order run last, in whatever phase the shop has reached.
 */
package shop.systemtests;
