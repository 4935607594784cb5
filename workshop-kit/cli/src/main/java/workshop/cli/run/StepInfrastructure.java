package workshop.cli.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import workshop.cli.manifest.App;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.traces.TraceCollector;
import workshop.infra.InfraMode;
import workshop.infra.Infrastructure;
import workshop.infra.KafkaBroker;
import workshop.infra.PostgresServer;

/**
 * The PostgreSQL server and Kafka broker a step needs, started in the chosen mode, and
 * the connection settings each app is given. Embedded servers keep their data in the
 * step's {@link StepData} and can be stopped, killed and started on their own. In
 * {@code external} mode nothing is started and no settings are given: the apps read the
 * user's own from the environment. A step whose apps export traces gets the workshop's
 * {@link TraceCollector} in every mode.
 */
final class StepInfrastructure implements AutoCloseable {

	private final InfraNeeds needs;

	private EmbeddedPostgresControl embeddedPostgres;

	private EmbeddedKafkaControl embeddedKafka;

	private PostgresServer containerPostgres;

	private KafkaBroker containerKafka;

	private TraceCollector traces;

	private final List<InfraServer> servers = new ArrayList<>();

	private StepInfrastructure(InfraNeeds needs) {
		this.needs = needs;
	}

	/**
	 * Starts what the step needs and creates its databases.
	 * @param needs what the step needs
	 * @param mode embedded, docker or external
	 * @param data where embedded servers keep their data
	 * @param onUnexpectedExit told when an embedded server dies unasked
	 * @return the running infrastructure; close it to stop it
	 * @throws workshop.infra.InfrastructureException when a server cannot start
	 */
	static StepInfrastructure start(InfraNeeds needs, InfraMode mode, StepData data,
			Consumer<InfraServer> onUnexpectedExit) {
		StepInfrastructure infrastructure = new StepInfrastructure(needs);
		try {
			if (needs.traces() != null) {
				infrastructure.traces = TraceCollector.start();
			}
			if (mode == InfraMode.EMBEDDED) {
				infrastructure.startEmbedded(data, onUnexpectedExit);
			}
			else if (mode == InfraMode.DOCKER) {
				infrastructure.startInDocker();
			}
			return infrastructure;
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
	}

	private void startEmbedded(StepData data, Consumer<InfraServer> onUnexpectedExit) {
		if (this.needs.postgres()) {
			this.embeddedPostgres = new EmbeddedPostgresControl(data.postgres(), this.needs.databases(),
					onUnexpectedExit);
			this.servers.add(this.embeddedPostgres);
			this.embeddedPostgres.start();
		}
		if (this.needs.kafka()) {
			this.embeddedKafka = new EmbeddedKafkaControl(data.kafka(), onUnexpectedExit);
			this.servers.add(this.embeddedKafka);
			this.embeddedKafka.start();
		}
	}

	private void startInDocker() {
		if (this.needs.postgres()) {
			this.containerPostgres = Infrastructure.startPostgres(InfraMode.DOCKER);
			this.needs.databases().forEach(this.containerPostgres::createDatabase);
			this.servers.add(new ContainerServer("postgres",
					this.containerPostgres.host() + ":" + this.containerPostgres.port(), this.containerPostgres));
		}
		if (this.needs.kafka()) {
			this.containerKafka = Infrastructure.startKafka(InfraMode.DOCKER);
			this.servers.add(new ContainerServer("kafka", this.containerKafka.bootstrapServers(), this.containerKafka));
		}
	}

	/**
	 * Returns the arguments that connect an app to this infrastructure.
	 * @param app the app
	 * @return Spring Boot command-line properties
	 */
	List<String> argumentsFor(App app) {
		List<String> arguments = new ArrayList<>();
		if (this.embeddedPostgres != null) {
			arguments.addAll(databaseArguments(app, this.embeddedPostgres::jdbcUrl, "postgres", "postgres"));
		}
		else if (this.containerPostgres != null) {
			arguments.addAll(databaseArguments(app, this.containerPostgres::jdbcUrl, this.containerPostgres.username(),
					this.containerPostgres.password()));
		}
		if (this.embeddedKafka != null) {
			arguments.add("--spring.kafka.bootstrap-servers=" + this.embeddedKafka.address());
		}
		else if (this.containerKafka != null) {
			arguments.add("--spring.kafka.bootstrap-servers=" + this.containerKafka.bootstrapServers());
		}
		if (this.traces != null) {
			arguments.add("--" + this.needs.traces() + "=" + this.traces.exportUrl());
			arguments.add("--workshop.traces-url=" + this.traces.pagesUrl());
		}
		// The servers are already up (or are the user's own): the app must not start its
		// own.
		arguments.add("--workshop.infra=external");
		return arguments;
	}

	/**
	 * Returns the trace collector the apps export to.
	 * @return the collector, or empty when the step's apps export no traces
	 */
	Optional<TraceCollector> traces() {
		return Optional.ofNullable(this.traces);
	}

	/**
	 * Returns the connection settings of each database an app uses: its {@code database}
	 * as {@code spring.datasource.*}, and each of its {@code databases} under the
	 * property prefix the manifest gives.
	 * @param app the app
	 * @param jdbcUrl the JDBC URL of a database, by name
	 * @param username the login of every database on the server
	 * @param password its password
	 * @return {@code --<prefix>.url=…}, {@code --<prefix>.username=…} and
	 * {@code --<prefix>.password=…} per database, never null
	 */
	static List<String> databaseArguments(App app, Function<String, String> jdbcUrl, String username, String password) {
		Map<String, String> prefixes = new LinkedHashMap<>();
		if (app.database() != null) {
			prefixes.put("spring.datasource", app.database());
		}
		app.databases().forEach((database, prefix) -> prefixes.put(prefix, database));
		List<String> arguments = new ArrayList<>();
		prefixes.forEach((prefix, database) -> {
			arguments.add("--" + prefix + ".url=" + jdbcUrl.apply(database));
			arguments.add("--" + prefix + ".username=" + username);
			arguments.add("--" + prefix + ".password=" + password);
		});
		return arguments;
	}

	/**
	 * Returns the servers, in start order.
	 * @return the servers, empty in external mode
	 */
	List<InfraServer> servers() {
		return List.copyOf(this.servers);
	}

	/**
	 * Returns a server by name.
	 * @param name {@code postgres} or {@code kafka}
	 * @return the server, or empty when the step has none of that name
	 */
	Optional<InfraServer> server(String name) {
		return this.servers.stream().filter((server) -> server.name().equals(name)).findFirst();
	}

	/**
	 * Describes what runs, for the user.
	 * @return for example "PostgreSQL on 127.0.0.1:54321, Kafka on 127.0.0.1:9092", or
	 * empty
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		for (InfraServer server : this.servers) {
			parts.add(("postgres".equals(server.name()) ? "PostgreSQL" : "Kafka") + " on " + server.address());
		}
		return String.join(", ", parts);
	}

	/** Stops Kafka, then PostgreSQL, then the trace collector. */
	@Override
	public void close() {
		try {
			if (this.embeddedKafka != null) {
				this.embeddedKafka.shutDown();
			}
			for (InfraServer server : this.servers) {
				if (server instanceof ContainerServer container && "kafka".equals(server.name())) {
					container.close();
				}
			}
		}
		finally {
			if (this.embeddedPostgres != null) {
				this.embeddedPostgres.shutDown();
			}
			for (InfraServer server : this.servers) {
				if (server instanceof ContainerServer container && "postgres".equals(server.name())) {
					container.close();
				}
			}
			if (this.traces != null) {
				this.traces.close();
			}
		}
	}

}
