package workshop.cli.run;

/**
 * Where the output lines of the running apps go. Called from one thread per app:
 * implementations are thread-safe.
 */
public interface AppLog {

	/**
	 * Takes one line of an app's output.
	 * @param app the app's name
	 * @param index the app's position in its step, for its color
	 * @param line the line, without its line break
	 */
	void line(String app, int index, String line);

}
