package workshop.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker run inside this JVM in KRaft combined mode (one node that is both
 * broker and controller), on free loopback ports, with its log in a temporary directory.
 */
final class EmbeddedKafkaBroker implements KafkaBroker {

	private static final String LOOPBACK = "127.0.0.1";

	private static final long READY_TIMEOUT_SECONDS = 60;

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
			int brokerPort = freePort();
			int controllerPort = freePort();
			Properties properties = brokerProperties(directory.path().resolve("log"), brokerPort, controllerPort);
			formatStorage(directory.path(), properties);
			KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
			server.startup();
			EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, directory, LOOPBACK + ":" + brokerPort);
			broker.awaitReady();
			return broker;
		}
		catch (RuntimeException ex) {
			directory.close();
			throw (ex instanceof InfrastructureException) ? ex : new InfrastructureException(
					"Embedded Kafka did not start (" + ex.getMessage() + "): use -Dworkshop.infra=docker", ex);
		}
	}

	/**
	 * One node, one replica of everything, one partition per internal topic: small and
	 * quick to start, and nothing that delays clients ({@code linger.ms=0} works as
	 * asked).
	 */
	private static Properties brokerProperties(Path logDirectory, int brokerPort, int controllerPort) {
		String broker = LOOPBACK + ":" + brokerPort;
		String controller = LOOPBACK + ":" + controllerPort;
		Properties properties = new Properties();
		// One node that is both broker and controller (KRaft combined mode).
		properties.setProperty("process.roles", "broker,controller");
		properties.setProperty("node.id", "1");
		properties.setProperty("controller.quorum.voters", "1@" + controller);
		properties.setProperty("listeners", "PLAINTEXT://" + broker + ",CONTROLLER://" + controller);
		properties.setProperty("advertised.listeners", "PLAINTEXT://" + broker);
		properties.setProperty("controller.listener.names", "CONTROLLER");
		properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
		properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
		properties.setProperty("log.dirs", logDirectory.toString());
		// One replica and one partition for every topic, internal ones included.
		properties.setProperty("num.partitions", "1");
		properties.setProperty("offsets.topic.replication.factor", "1");
		properties.setProperty("offsets.topic.num.partitions", "1");
		properties.setProperty("transaction.state.log.replication.factor", "1");
		properties.setProperty("transaction.state.log.min.isr", "1");
		properties.setProperty("transaction.state.log.num.partitions", "1");
		properties.setProperty("share.coordinator.state.topic.replication.factor", "1");
		properties.setProperty("share.coordinator.state.topic.min.isr", "1");
		// Consumers join their group at once instead of waiting for more members.
		properties.setProperty("group.initial.rebalance.delay.ms", "0");
		// Laptop-sized: few threads and a small log-cleaner buffer (the default is 128
		// MB).
		properties.setProperty("num.network.threads", "2");
		properties.setProperty("num.io.threads", "2");
		properties.setProperty("background.threads", "2");
		properties.setProperty("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
		return properties;
	}

	/**
	 * Writes the cluster id and metadata into the empty log directory, as kafka-storage
	 * does.
	 */
	private static void formatStorage(Path directory, Properties properties) {
		Path propertiesFile = directory.resolve("server.properties");
		try (OutputStream out = Files.newOutputStream(propertiesFile)) {
			properties.store(out, "Embedded workshop broker");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		int exitCode = StorageTool.execute(
				new String[] { "format", "-t", Uuid.randomUuid().toString(), "-c", propertiesFile.toString() },
				new PrintStream(output, true, StandardCharsets.UTF_8));
		if (exitCode != 0) {
			throw new InfrastructureException("Embedded Kafka could not format its storage in " + directory + ": "
					+ output.toString(StandardCharsets.UTF_8).strip());
		}
	}

	/** Ready means a client can fetch the cluster's metadata and sees this broker. */
	private void awaitReady() {
		Properties client = new Properties();
		client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers);
		try (Admin admin = Admin.create(client)) {
			admin.describeCluster().nodes().get(READY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			close();
			throw new InfrastructureException("Interrupted while waiting for embedded Kafka to start", ex);
		}
		catch (ExecutionException | TimeoutException ex) {
			close();
			throw new InfrastructureException("Embedded Kafka did not answer within " + READY_TIMEOUT_SECONDS + " s on "
					+ this.bootstrapServers + ": check the log above, or use -Dworkshop.infra=docker", ex);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
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
