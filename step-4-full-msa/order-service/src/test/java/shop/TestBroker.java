package shop;

import workshop.infra.DataFolder;
import workshop.infra.KafkaServerProcess;

/**
 * The test JVM's Kafka broker: a real broker of the infra module, run as a process of its
 * own so that a test can stop it, as an outage would, and start it again on the same
 * ports and data. Every Spring context of the test JVM uses it; it stops when the JVM
 * exits.
 */
final class TestBroker {

	private static TestBroker shared;

	private final DataFolder folder = DataFolder.temporary("kafka");

	private volatile KafkaServerProcess process;

	private final int brokerPort;

	private final int controllerPort;

	private TestBroker() {
		this.process = KafkaServerProcess.start(this.folder, 0, 0);
		this.brokerPort = this.process.brokerPort();
		this.controllerPort = this.process.controllerPort();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			this.process.close();
			this.folder.close();
		}, "test-broker-stop"));
	}

	/**
	 * The broker of this test JVM, started on first use.
	 * @return the running broker, never null
	 */
	static synchronized TestBroker shared() {
		if (shared == null) {
			shared = new TestBroker();
		}
		return shared;
	}

	/**
	 * Where clients connect, the same before and after a restart.
	 * @return {@code host:port}
	 */
	String bootstrapServers() {
		return this.process.bootstrapServers();
	}

	/** Stops the broker cleanly; its topics, records and offsets stay in its folder. */
	synchronized void stop() {
		this.process.close();
	}

	/** Starts the stopped broker again, on the same ports and data. */
	synchronized void startAgain() {
		this.process = KafkaServerProcess.start(this.folder, this.brokerPort, this.controllerPort);
	}

}
