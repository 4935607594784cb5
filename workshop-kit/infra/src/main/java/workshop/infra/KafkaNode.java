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
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * What every embedded Kafka node of the workshop shares, whether it runs inside a JVM
 * ({@link EmbeddedKafkaBroker}) or as a process of its own ({@link KafkaServerProcess}):
 * its configuration, the formatting of its storage, and what "ready" means.
 */
final class KafkaNode {

	static final String LOOPBACK = "127.0.0.1";

	private KafkaNode() {
	}

	/**
	 * One node, one replica of everything, one partition per internal topic: small and
	 * quick to start, and nothing that delays clients ({@code linger.ms=0} works as
	 * asked).
	 */
	static Properties properties(Path logDirectory, int brokerPort, int controllerPort) {
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
	 * Writes the cluster id and metadata into a new log directory, as kafka-storage does.
	 * A directory that was formatted before keeps its cluster and its topics.
	 */
	static void formatIfNew(Path directory, Properties properties) {
		Path logDirectory = Path.of(properties.getProperty("log.dirs"));
		if (Files.isRegularFile(logDirectory.resolve("meta.properties"))) {
			return;
		}
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

	/**
	 * Waits until a client can fetch the cluster's metadata and sees the node.
	 * @param bootstrapServers where the node listens
	 * @param timeout how long it may take
	 * @param alive whether the node still runs: waiting stops early when it has died
	 * @throws InfrastructureException when it does not answer in time or dies
	 */
	static void awaitReady(String bootstrapServers, Duration timeout, BooleanSupplier alive) {
		Properties client = new Properties();
		client.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = Admin.create(client)) {
			while (true) {
				try {
					admin.describeCluster().nodes().get(1, TimeUnit.SECONDS);
					return;
				}
				catch (ExecutionException | TimeoutException ex) {
					if (!alive.getAsBoolean()) {
						throw new InfrastructureException(
								"Embedded Kafka on " + bootstrapServers + " ended while starting");
					}
					if (System.nanoTime() > deadline) {
						throw new InfrastructureException("Embedded Kafka did not answer within " + timeout.toSeconds()
								+ " s on " + bootstrapServers + ": check its log, or use -Dworkshop.infra=docker", ex);
					}
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InfrastructureException("Interrupted while waiting for embedded Kafka to start", ex);
		}
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
