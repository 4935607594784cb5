package workshop.infra;

/**
 * A running Kafka broker that clients reach on {@link #bootstrapServers()}.
 */
public interface KafkaBroker extends AutoCloseable {

	/**
	 * Where clients connect.
	 * @return {@code host:port}, never {@code null}
	 */
	String bootstrapServers();

	/**
	 * Stops the broker and deletes its logs.
	 */
	@Override
	void close();

}
