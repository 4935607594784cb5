package workshop.infra;

import java.time.Duration;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker run inside this JVM in KRaft combined mode (one node that is both
 * broker and controller), on free loopback ports, with its log in a temporary directory.
 */
final class EmbeddedKafkaBroker implements KafkaBroker {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final KafkaRaftServer server;

	private final ServerDirectory directory;

	private final String bootstrapServers;

	private EmbeddedKafkaBroker(KafkaRaftServer server, ServerDirectory directory, String bootstrapServers) {
		this.server = server;
		this.directory = directory;
		this.bootstrapServers = bootstrapServers;
	}

	static EmbeddedKafkaBroker start() {
		QuietLogging.quietServerLoggers();
		ServerDirectory directory = ServerDirectory.create("kafka");
		try {
			int brokerPort = KafkaNode.freePort();
			Properties properties = KafkaNode.properties(directory.path().resolve("log"), brokerPort,
					KafkaNode.freePort());
			KafkaNode.formatIfNew(directory.path(), properties);
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
			server.startup();
			EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, directory,
					KafkaNode.LOOPBACK + ":" + brokerPort);
			try {
				KafkaNode.awaitReady(broker.bootstrapServers, READY_TIMEOUT, () -> true);
			}
			catch (RuntimeException ex) {
				broker.close();
				throw ex;
			}
			return broker;
		}
		catch (RuntimeException ex) {
			directory.close();
			throw (ex instanceof InfrastructureException) ? ex : new InfrastructureException(
					"Embedded Kafka did not start (" + ex.getMessage() + "): use -Dworkshop.infra=docker", ex);
		}
	}

	@Override
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	@Override
	public void close() {
		try {
			this.server.shutdown();
			this.server.awaitShutdown();
		}
		finally {
			this.directory.close();
		}
	}

	@Override
	public String toString() {
		return "embedded Kafka on " + this.bootstrapServers + " (log in " + this.directory + ")";
	}

}
