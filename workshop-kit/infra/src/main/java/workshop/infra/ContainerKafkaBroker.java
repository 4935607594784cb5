package workshop.infra;

import org.apache.kafka.common.utils.AppInfoParser;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A Kafka broker in a Docker container ({@code apache/kafka} at the same version as the
 * Kafka clients on the classpath) started by Testcontainers.
 */
final class ContainerKafkaBroker implements KafkaBroker {

	private final KafkaContainer container;

	private ContainerKafkaBroker(KafkaContainer container) {
		this.container = container;
	}

	static ContainerKafkaBroker start() {
		String image = "apache/kafka:" + AppInfoParser.getVersion();
		KafkaContainer container = new KafkaContainer(image);
		try {
			container.start();
		}
		catch (RuntimeException ex) {
			container.close();
			throw new InfrastructureException("Kafka container (" + image + ") did not start: " + ex.getMessage()
					+ ": check Docker, or use workshop.infra=embedded (the default)", ex);
		}
		return new ContainerKafkaBroker(container);
	}

	@Override
	public String bootstrapServers() {
		return this.container.getBootstrapServers();
	}

	@Override
	public void close() {
		this.container.close();
	}

	@Override
	public String toString() {
		return "Kafka container on " + bootstrapServers();
	}

}
