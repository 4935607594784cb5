package workshop.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import workshop.infra.InfraMode;

/**
 * How a step is started. The defaults are those of {@code ./workshop bench}: the
 * manifest's ports, data deleted at the end, every app bound to loopback, the modules
 * built when their sources changed, fast start on, and the whole step stopped when an app
 * dies.
 *
 * @param mode where PostgreSQL and Kafka come from
 * @param dataFolder where the step keeps its data between runs, or null for data that
 * lives only as long as the session
 * @param fresh whether kept data is deleted before the start
 * @param lan whether the front door listens on every network interface
 * @param stopOnFailure whether an app that dies unasked stops the whole step
 * @param freePorts whether each app gets a free port instead of the manifest's
 * @param jars prebuilt jars by app name; an app not named is built from its module
 * @param arguments extra Spring Boot arguments by app name, after the workshop's own
 * @param jvmOptions extra JVM options for every app, after the manifest's
 * @param fastStart whether Spring Boot jars are extracted and given a class-data archive
 * @param healthTimeout how long each app may take to become healthy
 */
public record SessionOptions(InfraMode mode, Path dataFolder, boolean fresh, boolean lan, boolean stopOnFailure,
		boolean freePorts, Map<String, Path> jars, Map<String, List<String>> arguments, List<String> jvmOptions,
		boolean fastStart, Duration healthTimeout) {

	public SessionOptions {
		jars = Map.copyOf(jars);
		arguments = Map.copyOf(arguments);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Returns the defaults, described above.
	 * @param mode where PostgreSQL and Kafka come from
	 * @return the options
	 */
	public static SessionOptions defaults(InfraMode mode) {
		return new SessionOptions(mode, null, false, false, true, false, Map.of(), Map.of(), List.of(), true,
				Duration.ofSeconds(180));
	}

	/**
	 * Keeps the step's data in a folder between runs.
	 * @param folder the step's data folder
	 * @param fresh whether to delete what it holds first
	 * @return changed options
	 */
	public SessionOptions keepingDataIn(Path folder, boolean fresh) {
		return new SessionOptions(this.mode, folder, fresh, this.lan, this.stopOnFailure, this.freePorts, this.jars,
				this.arguments, this.jvmOptions, this.fastStart, this.healthTimeout);
	}

	/**
	 * Opens the front door to the network, or not.
	 * @param lan true to listen on every interface
	 * @return changed options
	 */
	public SessionOptions onLan(boolean lan) {
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, lan, this.stopOnFailure, this.freePorts,
				this.jars, this.arguments, this.jvmOptions, this.fastStart, this.healthTimeout);
	}

	/**
	 * Chooses whether an app that dies unasked stops the whole step.
	 * @param stop true to stop everything, false to keep the others running
	 * @return changed options
	 */
	public SessionOptions stoppingOnFailure(boolean stop) {
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, this.lan, stop, this.freePorts, this.jars,
				this.arguments, this.jvmOptions, this.fastStart, this.healthTimeout);
	}

	/**
	 * Sets how long each app may take to become healthy.
	 * @param timeout the limit
	 * @return changed options
	 */
	public SessionOptions healthTimeout(Duration timeout) {
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, this.lan, this.stopOnFailure, this.freePorts,
				this.jars, this.arguments, this.jvmOptions, this.fastStart, timeout);
	}

	/**
	 * Starts prebuilt jars on free ports, without a build and without fast start: what a
	 * test of a step wants.
	 * @param prebuilt the executable jar of every app, by app name
	 * @return changed options
	 */
	public SessionOptions forTests(Map<String, Path> prebuilt) {
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, this.lan, this.stopOnFailure, true, prebuilt,
				this.arguments, this.jvmOptions, false, this.healthTimeout);
	}

	/**
	 * Adds Spring Boot arguments for one app.
	 * @param app the app's name
	 * @param more arguments such as {@code --shop.gateway.timeout=10s}
	 * @return changed options
	 */
	public SessionOptions withArguments(String app, String... more) {
		Map<String, List<String>> changed = new HashMap<>(this.arguments);
		List<String> list = new ArrayList<>(changed.getOrDefault(app, List.of()));
		list.addAll(List.of(more));
		changed.put(app, list);
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, this.lan, this.stopOnFailure, this.freePorts,
				this.jars, changed, this.jvmOptions, this.fastStart, this.healthTimeout);
	}

	/**
	 * Adds JVM options for every app.
	 * @param more options such as {@code -XX:TieredStopAtLevel=1}
	 * @return changed options
	 */
	public SessionOptions withJvmOptions(String... more) {
		List<String> changed = new ArrayList<>(this.jvmOptions);
		changed.addAll(List.of(more));
		return new SessionOptions(this.mode, this.dataFolder, this.fresh, this.lan, this.stopOnFailure, this.freePorts,
				this.jars, this.arguments, changed, this.fastStart, this.healthTimeout);
	}

}
