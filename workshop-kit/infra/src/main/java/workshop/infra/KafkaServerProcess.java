package workshop.infra;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Kafka broker (KRaft combined mode, one node) running as a JVM of its own, so
 * that it can be stopped, killed and started again while its clients keep running: it
 * comes back on the same ports with the topics, messages and committed offsets of its
 * {@link DataFolder}.
 */
public final class KafkaServerProcess implements KafkaBroker, ServerProcess {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	/**
	 * A broker for one laptop: a small heap (the log lives in the page cache, not on the
	 * heap; a few topics keep about 35 MB live), the serial collector, and the C1
	 * compiler alone, which leaves the cores to the apps beside it instead of recompiling
	 * the broker's code with C2. C1 compiles a method after a tenth of the usual calls,
	 * so the broker's request path is compiled within the first messages, not after
	 * minutes.
	 */
	private static final List<String> JVM_OPTIONS = List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
			"-XX:CompileThresholdScaling=0.1", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");

	private final Process process;

	private final int brokerPort;

	private final int controllerPort;

	private KafkaServerProcess(Process process, int brokerPort, int controllerPort) {
		this.process = process;
		this.brokerPort = brokerPort;
		this.controllerPort = controllerPort;
	}

	/**
	 * Starts a broker on a folder and waits until a client can fetch its metadata.
	 * @param folder its log and metadata; kept, not deleted by the broker
	 * @param brokerPort the port clients connect to, or 0 for a free one
	 * @param controllerPort the port of its KRaft controller, or 0 for a free one
	 * @return the running broker, never {@code null}
	 * @throws InfrastructureException when it does not start
	 */
	public static KafkaServerProcess start(DataFolder folder, int brokerPort, int controllerPort) {
		int broker = (brokerPort != 0) ? brokerPort : KafkaNode.freePort();
		int controller = (controllerPort != 0) ? controllerPort : KafkaNode.freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(JVM_OPTIONS);
		// Marks the broker as this JVM's, so a later run can stop it if this JVM dies
		// without doing so.
		command.add("-Dworkshop.owner=" + ProcessHandle.current().pid());
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), KafkaServerMain.class.getName(),
				folder.path().toString(), String.valueOf(broker), String.valueOf(controller)));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(folder.path().resolve("server.log").toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new InfrastructureException("Cannot start the Kafka process: " + ex.getMessage(), ex);
		}
		KafkaServerProcess server = new KafkaServerProcess(process, broker, controller);
		try {
			KafkaNode.awaitReady(server.bootstrapServers(), READY_TIMEOUT, process::isAlive);
		}
		catch (RuntimeException ex) {
			process.destroyForcibly();
			throw new InfrastructureException(ex.getMessage() + " (its log: " + folder.path().resolve("server.log")
					+ ((process.isAlive()) ? "" : ", exit code " + exitCode(process)) + ")", ex);
		}
		return server;
	}

	@Override
	public String bootstrapServers() {
		return KafkaNode.LOOPBACK + ":" + this.brokerPort;
	}

	/**
	 * Returns the port clients connect to.
	 * @return the broker port
	 */
	public int brokerPort() {
		return this.brokerPort;
	}

	/**
	 * Returns the port of the node's KRaft controller.
	 * @return the controller port
	 */
	public int controllerPort() {
		return this.controllerPort;
	}

	@Override
	public long pid() {
		return this.process.isAlive() ? this.process.pid() : -1;
	}

	@Override
	public void kill() {
		this.process.destroyForcibly();
		waitForExit(STOP_GRACE);
	}

	/** SIGTERM: the node shuts down cleanly; SIGKILL if it has not after 30 s. */
	@Override
	public void close() {
		this.process.destroy();
		if (!waitForExit(STOP_GRACE)) {
			kill();
		}
	}

	private boolean waitForExit(Duration limit) {
		try {
			return this.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static int exitCode(Process process) {
		try {
			return process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	@Override
	public String toString() {
		return "Kafka on " + bootstrapServers() + " (pid " + pid() + ")";
	}

}
