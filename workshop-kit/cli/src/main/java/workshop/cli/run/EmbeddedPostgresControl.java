package workshop.cli.run;

import java.util.List;
import java.util.function.Consumer;

import workshop.infra.DataFolder;
import workshop.infra.EmbeddedPostgresServer;

/**
 * The step's embedded PostgreSQL: started on the step's data folder, on the same port
 * every time within a session (the apps' connection settings name it), with the step's
 * databases created when missing.
 */
final class EmbeddedPostgresControl extends EmbeddedServerControl<EmbeddedPostgresServer> {

	private final DataFolder folder;

	private final List<String> databases;

	private volatile int port;

	EmbeddedPostgresControl(DataFolder folder, List<String> databases, Consumer<InfraServer> onUnexpectedExit) {
		super(onUnexpectedExit);
		this.folder = folder;
		this.databases = List.copyOf(databases);
	}

	@Override
	EmbeddedPostgresServer launch() {
		EmbeddedPostgresServer server = EmbeddedPostgresServer.start(this.folder, this.port);
		this.port = server.port();
		this.databases.forEach(server::createDatabase);
		return server;
	}

	@Override
	public String name() {
		return "postgres";
	}

	@Override
	public String address() {
		return (this.port != 0) ? "127.0.0.1:" + this.port : "";
	}

	@Override
	public String detail() {
		return "databases " + String.join(", ", this.databases) + "; data " + this.folder;
	}

	/**
	 * Returns the JDBC URL of one of the step's databases; its login is
	 * {@code postgres}/{@code postgres}.
	 * @param database the database
	 * @return the URL, on the port the server keeps within the session
	 */
	String jdbcUrl(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

}
