package workshop.cli.run;

import java.util.ArrayList;
import java.util.List;

import workshop.cli.manifest.App;
import workshop.cli.manifest.InfraNeeds;
import workshop.infra.InfraMode;
import workshop.infra.Infrastructure;
import workshop.infra.KafkaBroker;
import workshop.infra.PostgresServer;

/**
 * The PostgreSQL server and Kafka broker a step needs, started in the chosen mode, and
 * the connection settings each app is given. In {@code external} mode nothing is started
 * and no settings are given: the apps read the user's own from the environment.
 */
final class StepInfrastructure implements AutoCloseable {

	private final InfraMode mode;

	private PostgresServer postgres;

	private KafkaBroker kafka;

	private StepInfrastructure(InfraMode mode) {
		this.mode = mode;
	}

	/**
	 * Starts what the step needs and creates its databases.
	 * @param needs what the step needs
	 * @param mode embedded, docker or external
	 * @return the running infrastructure; close it to stop it and delete its data
	 * @throws workshop.infra.InfrastructureException when a server cannot start
	 */
	static StepInfrastructure start(InfraNeeds needs, InfraMode mode) {
		StepInfrastructure infrastructure = new StepInfrastructure(mode);
		if (mode == InfraMode.EXTERNAL) {
			return infrastructure;
		}
		try {
			if (needs.postgres()) {
				infrastructure.postgres = Infrastructure.startPostgres(mode);
				needs.databases().forEach(infrastructure.postgres::createDatabase);
			}
			if (needs.kafka()) {
				infrastructure.kafka = Infrastructure.startKafka(mode);
			}
			return infrastructure;
		}
		catch (RuntimeException ex) {
			infrastructure.close();
			throw ex;
		}
	}

	/**
	 * Returns the arguments that connect an app to this infrastructure and set its port.
	 * @param app the app
	 * @return Spring Boot command-line properties
	 */
	List<String> argumentsFor(App app) {
		List<String> arguments = new ArrayList<>();
		arguments.add("--server.port=" + app.port());
		if (this.postgres != null && app.database() != null) {
			arguments.add("--spring.datasource.url=" + this.postgres.jdbcUrl(app.database()));
			arguments.add("--spring.datasource.username=" + this.postgres.username());
			arguments.add("--spring.datasource.password=" + this.postgres.password());
		}
		if (this.kafka != null) {
			arguments.add("--spring.kafka.bootstrap-servers=" + this.kafka.bootstrapServers());
		}
		// The servers are already up (or are the user's own): the app must not start its
		// own.
		arguments.add("--workshop.infra=external");
		return arguments;
	}

	/**
	 * Returns the mode the infrastructure runs in.
	 * @return the mode
	 */
	InfraMode mode() {
		return this.mode;
	}

	/**
	 * Describes what runs, for the user.
	 * @return for example "PostgreSQL on localhost:54321, Kafka on 127.0.0.1:9092", or
	 * empty
	 */
	String describe() {
		List<String> parts = new ArrayList<>();
		if (this.postgres != null) {
			parts.add("PostgreSQL on " + this.postgres.host() + ":" + this.postgres.port());
		}
		if (this.kafka != null) {
			parts.add("Kafka on " + this.kafka.bootstrapServers());
		}
		return String.join(", ", parts);
	}

	/** Stops Kafka, then PostgreSQL; each deletes its data. */
	@Override
	public void close() {
		try {
			if (this.kafka != null) {
				this.kafka.close();
				this.kafka = null;
			}
		}
		finally {
			if (this.postgres != null) {
				this.postgres.close();
				this.postgres = null;
			}
		}
	}

}
