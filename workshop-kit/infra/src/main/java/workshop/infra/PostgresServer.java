package workshop.infra;

/**
 * A running PostgreSQL server, started with {@code wal_level=logical} so change data
 * capture can read it. One server hosts several databases.
 */
public interface PostgresServer extends AutoCloseable {

	/**
	 * The host clients connect to.
	 * @return a host name or address, never {@code null}
	 */
	String host();

	/**
	 * The port clients connect to.
	 * @return the port
	 */
	int port();

	/**
	 * The user with rights to create databases.
	 * @return the user name, never {@code null}
	 */
	String username();

	/**
	 * The password of {@link #username()}.
	 * @return the password, never {@code null}
	 */
	String password();

	/**
	 * The JDBC URL of one database on this server.
	 * @param database the database name
	 * @return {@code jdbc:postgresql://<host>:<port>/<database>}
	 */
	default String jdbcUrl(String database) {
		return "jdbc:postgresql://" + host() + ":" + port() + "/" + database;
	}

	/**
	 * Creates a database unless it exists. Idempotent and safe to call from several
	 * threads.
	 * @param name a lower-case SQL identifier such as {@code shop}
	 * @throws InfrastructureException if the name is not a plain identifier or the server
	 * refuses
	 */
	void createDatabase(String name);

	/**
	 * Stops the server and deletes its data.
	 */
	@Override
	void close();

}
