package workshop.cli.manifest;

import java.util.List;

/**
 * One application of a step: its own JVM, built from its own Maven module.
 *
 * @param name the app's name, also the prefix of its log lines and its
 * {@code X-Served-By}
 * @param module the folder of its Maven module, relative to the workshop root
 * @param mainClass the class with the {@code main} method
 * @param port the HTTP port it listens on
 * @param database the PostgreSQL database it uses, or {@code null} when it has none
 * @param health the path answering 200 once the app is ready, starting with {@code /}
 * @param jvmOptions options for this app's JVM, after the ones every app gets (a later
 * option wins, so {@code -Xmx128m} here overrides the default heap), never null
 */
public record App(String name, String module, String mainClass, int port, String database, String health,
		List<String> jvmOptions) {

	public App {
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Returns the URL of the app's root page on this machine.
	 * @return the URL, never null
	 */
	public String url() {
		return "http://localhost:" + this.port + "/";
	}

	/**
	 * Returns the URL that answers 200 once the app is ready.
	 * @return the URL, never null
	 */
	public String healthUrl() {
		return "http://localhost:" + this.port + this.health;
	}

}
