package workshop.cli.manifest;

import java.util.List;

/**
 * The infrastructure a step needs.
 *
 * @param postgres whether the step needs PostgreSQL
 * @param databases the databases to create in it, never null
 * @param kafka whether the step needs a Kafka broker
 */
public record InfraNeeds(boolean postgres, List<String> databases, boolean kafka) {

	/** A step that needs nothing. */
	public static final InfraNeeds NONE = new InfraNeeds(false, List.of(), false);

	/**
	 * Returns whether the step needs any infrastructure at all.
	 * @return true when PostgreSQL or Kafka is needed
	 */
	public boolean any() {
		return this.postgres || this.kafka;
	}

}
