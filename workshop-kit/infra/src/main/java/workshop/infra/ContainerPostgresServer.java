package workshop.infra;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL in a Docker container started by Testcontainers, configured like the
 * embedded server ({@code wal_level=logical}). Testcontainers removes the container and
 * its data.
 */
final class ContainerPostgresServer implements PostgresServer {

	private static final String IMAGE = "postgres:17";

	private final PostgreSQLContainer container;

	private ContainerPostgresServer(PostgreSQLContainer container) {
		this.container = container;
	}

	static ContainerPostgresServer start() {
		PostgreSQLContainer container = new PostgreSQLContainer(IMAGE).withDatabaseName("postgres")
			.withUsername("postgres")
			.withPassword("postgres")
			.withCommand("postgres", "-c", "wal_level=logical", "-c", "max_replication_slots=16", "-c",
					"max_wal_senders=16", "-c", "fsync=off");
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			container.close();
			throw new InfrastructureException("PostgreSQL container (" + IMAGE + ") did not start: " + ex.getMessage()
					+ ": check Docker, or use workshop.infra=embedded (the default)", ex);
		}
		return new ContainerPostgresServer(container);
	}

	@Override
	public String host() {
		return this.container.getHost();
	}

	@Override
	public int port() {
		return this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	@Override
	public void createDatabase(String name) {
		DatabaseCreator.createDatabase(this, name);
	}

	@Override
	public void close() {
		this.container.close();
	}

	@Override
	public String toString() {
		return "PostgreSQL container " + IMAGE + " on " + host() + ":" + port();
	}

}
