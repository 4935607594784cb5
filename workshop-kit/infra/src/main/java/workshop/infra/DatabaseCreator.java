package workshop.infra;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Creates databases on a PostgreSQL server through its maintenance database
 * {@code postgres}. Shared by every kind of {@link PostgresServer}.
 */
final class DatabaseCreator {

	private static final Pattern PLAIN_IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	/** PostgreSQL's SQLSTATE for "database already exists". */
	private static final String DUPLICATE_DATABASE = "42P04";

	private DatabaseCreator() {
	}

	/**
	 * Creates the database unless it exists. Another JVM may create the same database at
	 * the same moment, so losing that race counts as success.
	 */
	static synchronized void createDatabase(PostgresServer server, String name) {
		if (name == null || !PLAIN_IDENTIFIER.matcher(name).matches()) {
			throw new InfrastructureException("Database name '" + name
					+ "' is not a plain identifier: use lower-case letters, digits and _ (for example shop)");
		}
		try (Connection connection = DriverManager.getConnection(server.jdbcUrl("postgres"), server.username(),
				server.password())) {
			if (!exists(connection, name)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE DATABASE " + name);
				}
			}
		}
		catch (SQLException ex) {
			if (!DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				throw new InfrastructureException(
						"Could not create database " + name + " on " + server.jdbcUrl(name) + ": " + ex.getMessage(),
						ex);
			}
		}
	}

	private static boolean exists(Connection connection, String name) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, name);
			try (ResultSet result = query.executeQuery()) {
				return result.next();
			}
		}
	}

}
