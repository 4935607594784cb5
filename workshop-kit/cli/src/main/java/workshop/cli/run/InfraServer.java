package workshop.cli.run;

/**
 * A server of a running step (PostgreSQL, Kafka), which
 * {@code ./workshop stop|kill|start} act on by its name as they act on an app. Its data
 * is never touched: a server killed and started again recovers what it had.
 */
public interface InfraServer {

	/**
	 * Returns the name commands use.
	 * @return {@code postgres} or {@code kafka}
	 */
	String name();

	/**
	 * Returns what it is doing: {@code running}, {@code stopped}, {@code killed} or
	 * {@code crashed}.
	 * @return the state
	 */
	String state();

	/**
	 * Returns its process id.
	 * @return the id, or -1 when it does not run here as a process
	 */
	long pid();

	/**
	 * Returns where clients reach it.
	 * @return {@code host:port}, or empty before its first start
	 */
	String address();

	/**
	 * Describes what it holds, for {@code status}.
	 * @return for example {@code databases shop}, never null
	 */
	String detail();

	/**
	 * Starts it on its data and port, waiting until it accepts clients.
	 * @throws workshop.cli.WorkshopException when it runs already or cannot be controlled
	 */
	void start();

	/**
	 * Stops it cleanly.
	 * @throws workshop.cli.WorkshopException when it does not run or cannot be controlled
	 */
	void stop();

	/**
	 * Kills it at once (SIGKILL), as a crash would.
	 * @throws workshop.cli.WorkshopException when it does not run or cannot be controlled
	 */
	void kill();

}
