package workshop.cli.manifest;

import java.util.List;

/**
 * The infrastructure a step needs.
 *
 * @param postgres whether the step needs PostgreSQL
 * @param databases the databases to create in it, never null
 * @param kafka whether the step needs a Kafka broker
 * @param traces the property that tells each app where to export its spans (OTLP/HTTP):
 * the run starts a trace collector and gives every app its URL there; null when the
 * step's apps export none
 */
public record InfraNeeds(boolean postgres, List<String> databases, boolean kafka, String traces) {

	/** A step that needs nothing. */
	public static final InfraNeeds NONE = new InfraNeeds(false, List.of(), false);

	/**
	 * Creates the needs of a step whose apps export no spans.
	 * @param postgres whether the step needs PostgreSQL
	 * @param databases the databases to create in it
	 * @param kafka whether the step needs a Kafka broker
	 */
	public InfraNeeds(boolean postgres, List<String> databases, boolean kafka) {
		this(postgres, databases, kafka, null);
	}

	/**
	 * Returns whether the step needs any infrastructure at all.
	 * @return true when PostgreSQL or Kafka is needed
	 */
	public boolean any() {
		return this.postgres || this.kafka;
	}

}
