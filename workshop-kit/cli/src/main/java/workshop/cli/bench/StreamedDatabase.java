package workshop.cli.bench;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import workshop.cli.WorkshopException;
import workshop.cli.control.MigrateCommand;
import workshop.cli.manifest.App;
import workshop.cli.run.InfraServer;
import workshop.cli.run.RunningApp;

/**
 * The database a step's change stream reads, reached as the superuser of the PostgreSQL
 * the bench starts: where a measure writes behind the API's back, as a batch job would.
 * The app that migrates the catalog says which database that is ({@code stream.database}
 * of its {@code GET /actuator/migration}).
 */
final class StreamedDatabase {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String jdbcUrl;

	private final String name;

	StreamedDatabase(String jdbcUrl, String name) {
		this.jdbcUrl = jdbcUrl;
		this.name = name;
	}

	/**
	 * The base URI of the running app that migrates the catalog.
	 * @param bench the running step
	 * @return for example {@code http://127.0.0.1:8082}
	 */
	static URI migratingService(BenchContext bench) {
		App app = MigrateCommand.migratingApp(bench.step());
		return bench.apps()
			.stream()
			.map(RunningApp::app)
			.filter((running) -> running.name().equals(app.name()))
			.map((running) -> URI.create(running.url()))
			.findFirst()
			.orElseThrow(() -> new WorkshopException(app.name() + " is not running."));
	}

	/**
	 * The database the stream reads now, as the migrating app reports it.
	 * @param bench the running step
	 * @param measure the measure that writes there, for the messages
	 * @return the database
	 */
	static StreamedDatabase find(BenchContext bench, String measure) {
		URI status = migratingService(bench).resolve("/actuator/migration");
		HttpResponse<String> answer = bench.shop()
			.sendSetUp(HttpRequest.newBuilder(status).timeout(Duration.ofSeconds(30)).build());
		if (answer.statusCode() != 200) {
			throw new WorkshopException("GET " + status + " answered " + answer.statusCode() + ": " + measure
					+ " needs to know which database the change stream reads.");
		}
		JsonNode migration = JSON.readTree(answer.body());
		return named(bench, migration.path("stream").path("database").asString(), measure);
	}

	/**
	 * A database of the bench's PostgreSQL, by name.
	 * @param bench the running step
	 * @param database its name
	 * @param measure the measure that writes there, for the messages
	 * @return the database
	 */
	static StreamedDatabase named(BenchContext bench, String database, String measure) {
		InfraServer postgres = bench.server("postgres")
			.orElseThrow(() -> new WorkshopException(bench.step().id() + ": " + measure + " writes into the "
					+ "PostgreSQL the bench starts: use --infra embedded, or drop " + measure
					+ " from bench.measures."));
		return new StreamedDatabase("jdbc:postgresql://" + postgres.address() + "/" + database, database);
	}

	String name() {
		return this.name;
	}

	/**
	 * A new connection, as the embedded server's superuser (workshop-kit/infra starts it
	 * so).
	 * @return the connection, in auto-commit
	 * @throws SQLException when the server refuses it
	 */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.jdbcUrl, "postgres", "postgres");
	}

}
