package workshop.cli.run;

import java.util.function.Consumer;

import workshop.infra.DataFolder;
import workshop.infra.KafkaServerProcess;

/**
 * The step's Kafka broker, a JVM of its own: started on the step's data folder and,
 * within a session, on the same ports every time (the apps' bootstrap servers name them).
 */
final class EmbeddedKafkaControl extends EmbeddedServerControl<KafkaServerProcess> {

	private final DataFolder folder;

	private volatile int brokerPort;

	private volatile int controllerPort;

	EmbeddedKafkaControl(DataFolder folder, Consumer<InfraServer> onUnexpectedExit) {
		super(onUnexpectedExit);
		this.folder = folder;
	}

	@Override
	KafkaServerProcess launch() {
		KafkaServerProcess server = KafkaServerProcess.start(this.folder, this.brokerPort, this.controllerPort);
		this.brokerPort = server.brokerPort();
		this.controllerPort = server.controllerPort();
		return server;
	}

	@Override
	public String name() {
		return "kafka";
	}

	@Override
	public String address() {
		return (this.brokerPort != 0) ? "127.0.0.1:" + this.brokerPort : "";
	}

	@Override
	public String detail() {
		return "data " + this.folder;
	}

}
