package shop.catalog.replica;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the replica's feed stands, written by its thread and read by
 * {@link ReplicaHealth} on others.
 */
class FeedStatus {

	private volatile String state = "starting";

	private volatile Metric connections;

	private volatile int partitions;

	private volatile long behind;

	private volatile long applied;

	private volatile long skipped;

	private volatile long malformed;

	private volatile Instant lastApplied;

	private volatile Long lastLagMillis;

	private volatile String lastFailure;

	void connecting(KafkaConsumer<?, ?> consumer) {
		this.state = "connecting";
		this.connections = consumer.metrics()
			.entrySet()
			.stream()
			.filter((metric) -> metric.getKey().group().equals("consumer-metrics")
					&& metric.getKey().name().equals("connection-count"))
			.map(Map.Entry::getValue)
			.findFirst()
			.orElse(null);
	}

	void polled(KafkaConsumer<?, ?> consumer) {
		long notYetApplied = 0;
		for (TopicPartition partition : consumer.assignment()) {
			notYetApplied += consumer.currentLag(partition).orElse(0);
		}
		this.partitions = consumer.assignment().size();
		this.behind = notYetApplied;
		this.state = (this.partitions > 0) ? "following" : "joining";
	}

	void applied(List<ProductChange> changes, int skippedNow, Instant committed) {
		this.applied += changes.size();
		this.skipped += skippedNow;
		if (!changes.isEmpty()) {
			this.lastApplied = committed;
			this.lastLagMillis = committed.toEpochMilli()
					- changes.get(changes.size() - 1).committedAt().toEpochMilli();
		}
	}

	void malformed() {
		this.malformed++;
	}

	void failed(RuntimeException failure) {
		this.state = "retrying";
		this.lastFailure = failure.toString();
	}

	/**
	 * The feed's state: {@code starting}, {@code connecting}, {@code joining} (the
	 * group), {@code following}, {@code retrying} (after a failure) or {@code no-broker}
	 * (no connection to any broker now).
	 * @return the state, never null
	 */
	String state() {
		Metric open = this.connections;
		boolean following = this.state.equals("following") || this.state.equals("joining");
		if (following && open != null && ((Number) open.metricValue()).doubleValue() == 0) {
			return "no-broker";
		}
		return this.state;
	}

	Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state());
		details.put("partitions", this.partitions);
		details.put("behind", this.behind);
		details.put("applied", this.applied);
		details.put("skipped", this.skipped);
		details.put("malformed", this.malformed);
		if (this.lastApplied != null) {
			details.put("lastApplied", this.lastApplied.toString());
			details.put("lastLagMillis", this.lastLagMillis);
		}
		if (this.lastFailure != null) {
			details.put("lastFailure", this.lastFailure);
		}
		return details;
	}

}
