package workshop.infra.boot;

import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

import workshop.infra.PostgresServer;

/**
 * Connection details of one database on the shared PostgreSQL server.
 */
class SharedPostgresConnectionDetails implements JdbcConnectionDetails {

	private final PostgresServer postgres;

	private final String database;

	SharedPostgresConnectionDetails(PostgresServer postgres, String database) {
		this.postgres = postgres;
		this.database = database;
	}

	@Override
	public String getJdbcUrl() {
		return this.postgres.jdbcUrl(this.database);
	}

	@Override
	public String getUsername() {
		return this.postgres.username();
	}

	@Override
	public String getPassword() {
		return this.postgres.password();
	}

}
