package workshop.infra;

import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * The entry point of a Kafka node that runs as a process of its own (see
 * {@link KafkaServerProcess}): {@code java workshop.infra.KafkaServerMain <folder>
 * <broker port> <controller port>}. It formats the folder on first use, serves until it
 * gets SIGTERM, then shuts down cleanly (a SIGKILL skips that, as a crash does).
 */
public final class KafkaServerMain {

	/** Printed once the node has started, for the log. */
	static final String STARTED = "workshop kafka node started";

	private KafkaServerMain() {
	}

	public static void main(String[] args) {
		if (args.length != 3) {
			throw new IllegalArgumentException("usage: KafkaServerMain <folder> <broker port> <controller port>");
		}
		Path folder = Path.of(args[0]);
		Properties properties = KafkaNode.properties(folder.resolve("log"), Integer.parseInt(args[1]),
				Integer.parseInt(args[2]));
		KafkaNode.formatIfNew(folder, properties);
		KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.shutdown();
			server.awaitShutdown();
		}, "kafka-shutdown"));
		server.startup();
		System.out.println(STARTED);
		server.awaitShutdown();
	}

}
