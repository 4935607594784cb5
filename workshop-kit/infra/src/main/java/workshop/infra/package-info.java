/**
 * Local PostgreSQL and Kafka for every workshop step: embedded servers by default, Docker
 * containers on request, or the user's own servers.
 *
 * <p>
 * Start with {@link workshop.infra.SharedInfrastructure} (one set of servers per JVM) or
 * {@link workshop.infra.Infrastructure} (servers the caller owns). The mode comes from
 * {@link workshop.infra.InfraMode#resolve()}.
 */
package workshop.infra;
