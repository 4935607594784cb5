package workshop.cli.control;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import workshop.cli.run.InfraServer;
import workshop.cli.run.StepSession;
import workshop.infra.InfraMode;

/**
 * What the step's servers hold, for the control room: {@code GET /api/infra}. PostgreSQL
 * lists its databases, its roles and who is connected to which database; Kafka lists its
 * topics and each consumer group's lag (messages written and not yet read). Only embedded
 * servers are asked: their administrator login is the workshop's own. A server that is
 * down, or does not answer within a few seconds, gives its error instead.
 *
 * @param servers one entry per server of the step
 */
public record InfraView(List<Server> servers) {

	private static final int TIMEOUT_SECONDS = 3;

	/**
	 * One server.
	 *
	 * @param name {@code postgres} or {@code kafka}
	 * @param state as {@code ./workshop status} shows it
	 * @param address where clients reach it
	 * @param databases PostgreSQL: its databases, with the roles connected to each
	 * @param roles PostgreSQL: the roles that can log in
	 * @param topics Kafka: its topics, with their consumer groups' lag
	 * @param error why nothing more is known, or null
	 */
	public record Server(String name, String state, String address, List<Database> databases, List<String> roles,
			List<Topic> topics, String error) {
	}

	/**
	 * A database.
	 *
	 * @param name its name
	 * @param connections how many sessions each role has open on it
	 */
	public record Database(String name, Map<String, Integer> connections) {
	}

	/**
	 * A topic.
	 *
	 * @param name its name
	 * @param partitions how many partitions it has
	 * @param messages the sum of its partitions' end offsets
	 * @param lag each consumer group's messages not read yet
	 */
	public record Topic(String name, int partitions, long messages, Map<String, Long> lag) {
	}

	/**
	 * Asks every server of a session.
	 * @param session the running step
	 * @return what they hold, never null
	 */
	static InfraView of(StepSession session) {
		boolean embedded = session.options().mode() == InfraMode.EMBEDDED;
		List<Server> servers = new ArrayList<>();
		for (InfraServer server : session.servers()) {
			servers.add(ask(server, embedded));
		}
		return new InfraView(List.copyOf(servers));
	}

	/**
	 * Asks one server what it holds.
	 * @param server the server
	 * @param embedded whether it is the workshop's own, whose login is known
	 * @return what it holds, or why that is not known
	 */
	static Server ask(InfraServer server, boolean embedded) {
		if (!"running".equals(server.state())) {
			return failed(server, server.name() + " is " + server.state());
		}
		if (!embedded) {
			return failed(server, server.detail());
		}
		try {
			return "postgres".equals(server.name()) ? postgres(server) : kafka(server);
		}
		catch (SQLException | RuntimeException ex) {
			return failed(server, "no answer (" + ex.getClass().getSimpleName() + ": " + ex.getMessage() + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return failed(server, "interrupted");
		}
		catch (ExecutionException | TimeoutException ex) {
			return failed(server, "no answer (" + ex.getClass().getSimpleName() + ")");
		}
	}

	private static Server postgres(InfraServer server) throws SQLException {
		DriverManager.setLoginTimeout(TIMEOUT_SECONDS);
		String url = "jdbc:postgresql://" + server.address() + "/postgres?connectTimeout=" + TIMEOUT_SECONDS;
		try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
				Statement statement = connection.createStatement()) {
			Map<String, Map<String, Integer>> databases = new TreeMap<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT datname FROM pg_database WHERE NOT datistemplate AND datname <> 'postgres'")) {
				while (rows.next()) {
					databases.put(rows.getString(1), new TreeMap<>());
				}
			}
			try (ResultSet rows = statement.executeQuery("SELECT datname, usename, count(*) FROM pg_stat_activity"
					+ " WHERE datname IS NOT NULL AND pid <> pg_backend_pid() GROUP BY datname, usename")) {
				while (rows.next()) {
					Map<String, Integer> connections = databases.get(rows.getString(1));
					if (connections != null) {
						connections.put(rows.getString(2), rows.getInt(3));
					}
				}
			}
			List<String> roles = new ArrayList<>();
			try (ResultSet rows = statement
				.executeQuery("SELECT rolname FROM pg_roles WHERE rolcanlogin ORDER BY rolname")) {
				while (rows.next()) {
					roles.add(rows.getString(1));
				}
			}
			List<Database> listed = databases.entrySet()
				.stream()
				.map((entry) -> new Database(entry.getKey(), entry.getValue()))
				.toList();
			return new Server(server.name(), server.state(), server.address(), listed, List.copyOf(roles), List.of(),
					null);
		}
	}

	private static Server kafka(InfraServer server) throws InterruptedException, ExecutionException, TimeoutException {
		Properties settings = new Properties();
		settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, server.address());
		settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
		settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_SECONDS * 1000);
		try (Admin admin = Admin.create(settings)) {
			Set<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
			Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
			Map<String, Integer> partitions = new TreeMap<>();
			admin.describeTopics(names)
				.allTopicNames()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.forEach((name, topic) -> {
					partitions.put(name, topic.partitions().size());
					topic.partitions()
						.forEach((partition) -> ends.put(new TopicPartition(name, partition.partition()),
								OffsetSpec.latest()));
				});
			Map<TopicPartition, Long> end = new HashMap<>();
			admin.listOffsets(ends)
				.all()
				.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
				.forEach((partition, offset) -> end.put(partition, offset.offset()));
			Map<String, Map<String, Long>> lag = new TreeMap<>();
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
				committed.forEach((partition, offset) -> {
					if (offset != null && end.containsKey(partition)) {
						lag.computeIfAbsent(partition.topic(), (topic) -> new TreeMap<>())
							.merge(group.groupId(), Math.max(end.get(partition) - offset.offset(), 0), Long::sum);
					}
				});
			}
			List<Topic> topics = new ArrayList<>();
			partitions.forEach((name, count) -> {
				long messages = end.entrySet()
					.stream()
					.filter((entry) -> entry.getKey().topic().equals(name))
					.mapToLong(Map.Entry::getValue)
					.sum();
				topics.add(new Topic(name, count, messages, lag.getOrDefault(name, Map.of())));
			});
			return new Server(server.name(), server.state(), server.address(), List.of(), List.of(),
					List.copyOf(topics), null);
		}
	}

	private static Server failed(InfraServer server, String error) {
		return new Server(server.name(), server.state(), server.address(), List.of(), List.of(), List.of(), error);
	}

}
