package workshop.cli.manifest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One application of a step: its own JVM, built from its own Maven module.
 *
 * @param name the app's name, also the prefix of its log lines and its
 * {@code X-Served-By}
 * @param module the folder of its Maven module, relative to the workshop root
 * @param mainClass the class with the {@code main} method
 * @param port the HTTP port it listens on
 * @param database the PostgreSQL database it uses, or {@code null} when it has none; its
 * connection settings are passed as {@code spring.datasource.*}
 * @param health the path answering 200 once the app is ready, starting with {@code /}
 * @param jvmOptions options for this app's JVM, after the ones every app gets (a later
 * option wins, so {@code -Xmx128m} here overrides the default heap), never null
 * @param calls the apps it calls, each with the property that carries that app's base URL
 * (app name to property name, in manifest order), or {@value #BY_NAME} for an app it
 * finds by name in the step's registry, which is given no URL; never null
 * @param status paths of this app that {@code ./workshop status} shows, such as the
 * gateway's {@code /actuator/cutover}, never null
 * @param databases further databases it uses, each with the Spring property prefix that
 * carries its connection settings ({@code <prefix>.url}, {@code .username},
 * {@code .password}), in manifest order, never null
 * @param metrics the names of its Prometheus metrics that {@code ./workshop status} shows
 * as the step's key figures, such as {@code shop_outbox_backlog}, never null
 */
public record App(String name, String module, String mainClass, int port, String database, String health,
		List<String> jvmOptions, Map<String, String> calls, List<String> status, Map<String, String> databases,
		List<String> metrics) {

	/**
	 * The endpoint of a gateway that moves routes between old and new apps. A gateway has
	 * a cutover when it lists this path under {@code status}.
	 */
	public static final String CUTOVER = "/actuator/cutover";

	/**
	 * The value of a call to an app found by name in the step's registry (Spring Cloud
	 * LoadBalancer's {@code lb://<name>}) rather than at a URL the workshop passes.
	 */
	public static final String BY_NAME = "lb";

	public App {
		jvmOptions = List.copyOf(jvmOptions);
		calls = Collections.unmodifiableMap(new LinkedHashMap<>(calls));
		status = List.copyOf(status);
		databases = Collections.unmodifiableMap(new LinkedHashMap<>(databases));
		metrics = List.copyOf(metrics);
	}

	/**
	 * An app whose metrics {@code ./workshop status} does not show.
	 */
	public App(String name, String module, String mainClass, int port, String database, String health,
			List<String> jvmOptions, Map<String, String> calls, List<String> status, Map<String, String> databases) {
		this(name, module, mainClass, port, database, health, jvmOptions, calls, status, databases, List.of());
	}

	/**
	 * An app with no further databases.
	 */
	public App(String name, String module, String mainClass, int port, String database, String health,
			List<String> jvmOptions, Map<String, String> calls, List<String> status) {
		this(name, module, mainClass, port, database, health, jvmOptions, calls, status, Map.of());
	}

	/**
	 * Returns a further instance of this app: the same app under the name
	 * {@code <name>-<number>}, on its own port. It registers under the same service name
	 * (its {@code spring.application.name}), so callers that find this app by name reach
	 * both.
	 * @param number the instance's number, 2 or more
	 * @param port its port
	 * @return the instance
	 */
	public App instance(int number, int port) {
		return new App(this.name + "-" + number, this.module, this.mainClass, port, this.database, this.health,
				this.jvmOptions, this.calls, this.status, this.databases, this.metrics);
	}

	/**
	 * Says whether this app finds the given app by name in the registry.
	 * @param callee the called app's name
	 * @return true when its call to it is {@value #BY_NAME}
	 */
	public boolean findsByName(String callee) {
		return BY_NAME.equals(this.calls.get(callee));
	}

	/**
	 * Returns the URL of the app's root page on this machine.
	 * @return the URL, never null
	 */
	public String url() {
		return "http://localhost:" + this.port + "/";
	}

	/**
	 * Says whether this app has a cutover to move: it lists {@value #CUTOVER} under
	 * {@code status}. A gateway without one sends each route to one app, always.
	 * @return true when {@code ./workshop bench} and the control room may set its weights
	 */
	public boolean hasCutover() {
		return this.status.contains(CUTOVER);
	}

	/**
	 * Returns the URL that answers 200 once the app is ready.
	 * @return the URL, never null
	 */
	public String healthUrl() {
		return "http://localhost:" + this.port + this.health;
	}

}
