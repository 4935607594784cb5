package workshop.infra;

/**
 * A server that runs as its own operating-system process, so that it can be killed as a
 * crash would kill it. Its data stays where it was: starting it again on the same
 * {@link DataFolder} recovers it.
 */
public interface ServerProcess extends AutoCloseable {

	/**
	 * Returns the server's process id.
	 * @return the id, or -1 once the server has stopped
	 */
	long pid();

	/**
	 * Kills the server and its child processes at once (SIGKILL): no shutdown, no flush.
	 * Returns once they are gone. The data folder is left as the crash left it.
	 */
	void kill();

	/**
	 * Stops the server cleanly. The data folder stays: its owner deletes it.
	 */
	@Override
	void close();

}
