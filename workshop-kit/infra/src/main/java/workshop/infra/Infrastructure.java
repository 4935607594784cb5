package workshop.infra;

/**
 * Starts servers in a given mode. The caller owns what it gets and must close it; for
 * servers shared by a whole JVM use {@link SharedInfrastructure}.
 */
public final class Infrastructure {

	private Infrastructure() {
	}

	/**
	 * Starts a PostgreSQL server and waits until it accepts connections.
	 * @param mode {@link InfraMode#EMBEDDED} or {@link InfraMode#DOCKER}
	 * @return the running server, never {@code null}
	 * @throws InfrastructureException in {@link InfraMode#EXTERNAL} mode, without a
	 * Docker engine in {@link InfraMode#DOCKER} mode, or if the server does not start
	 */
	public static PostgresServer startPostgres(InfraMode mode) {
		switch (mode) {
			case EMBEDDED:
				return EmbeddedPostgresServer.start();
			case DOCKER:
				requireDocker();
				return ContainerPostgresServer.start();
			default:
				throw new InfrastructureException("workshop.infra=external, so the workshop starts no PostgreSQL:"
						+ " set spring.datasource.url to your server, or use workshop.infra=embedded (the default)");
		}
	}

	/**
	 * Starts a Kafka broker and waits until a client can fetch its metadata.
	 * @param mode {@link InfraMode#EMBEDDED} or {@link InfraMode#DOCKER}
	 * @return the running broker, never {@code null}
	 * @throws InfrastructureException in {@link InfraMode#EXTERNAL} mode, without a
	 * Docker engine in {@link InfraMode#DOCKER} mode, or if the broker does not start
	 */
	public static KafkaBroker startKafka(InfraMode mode) {
		switch (mode) {
			case EMBEDDED:
				return EmbeddedKafkaBroker.start();
			case DOCKER:
				requireDocker();
				return ContainerKafkaBroker.start();
			default:
				throw new InfrastructureException("workshop.infra=external, so the workshop starts no Kafka:"
						+ " set spring.kafka.bootstrap-servers to your broker, or use workshop.infra=embedded (the default)");
		}
	}

	/**
	 * Fails fast and in one line, before Testcontainers spends time looking for Docker.
	 */
	private static void requireDocker() {
		if (!DockerSupport.isDockerAvailable()) {
			throw new InfrastructureException("workshop.infra=docker, but no Docker engine is running:"
					+ " start Docker, or use workshop.infra=embedded (the default)");
		}
	}

}
