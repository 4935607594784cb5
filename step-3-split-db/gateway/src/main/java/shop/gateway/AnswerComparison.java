package shop.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Compares the answer a client got with the other side's answer to the same read. Two
 * answers are the same when their status is the same and their JSON bodies are equal,
 * whatever the order of the fields in an object (the order in an array counts: the API
 * orders its lists). Counts {@code shop.gateway.parallel.matches} and
 * {@code shop.gateway.parallel.mismatches}, tagged by route, and logs a sample diff, at
 * most one per route every {@code shop.gateway.parallel-run.log-every}.
 */
@Component
public class AnswerComparison {

	private static final Log logger = LogFactory.getLog(AnswerComparison.class);

	private static final int SAMPLE_CHARS = 500;

	private final MeterRegistry meters;

	private final JsonMapper json;

	private final Duration logEvery;

	private final Map<String, Long> nextLogAt = new HashMap<>();

	public AnswerComparison(MeterRegistry meters, JsonMapper json, GatewayProperties properties) {
		this.meters = meters;
		this.json = json;
		this.logEvery = properties.parallelRun().logEvery();
	}

	/**
	 * Compares two answers to the same read and counts the outcome.
	 * @param route the route the read went through
	 * @param read the method and path, for the log
	 * @param primary the answer the client got
	 * @param other the other side's answer
	 */
	// tag::compare-answers[]
	void compare(String route, String read, RecordedAnswer primary, RecordedAnswer other) {
		if (sameAnswer(primary, other)) {
			this.meters.counter("shop.gateway.parallel.matches", "route", route).increment();
			return;
		}
		this.meters.counter("shop.gateway.parallel.mismatches", "route", route).increment();
		if (mayLog(route)) {
			logger.warn("Parallel run mismatch on route " + route + " for " + read + ": client got " + sample(primary)
					+ ", other side answered " + sample(other));
		}
	}
	// end::compare-answers[]

	void skipped(String route) {
		this.meters.counter("shop.gateway.parallel.skipped", "route", route).increment();
	}

	void shadowFailed(String route, Throwable failure) {
		this.meters.counter("shop.gateway.parallel.shadow-failures", "route", route).increment();
		logger.debug("Parallel run: the other side of route " + route + " did not answer", failure);
	}

	boolean sameAnswer(RecordedAnswer primary, RecordedAnswer other) {
		if (primary.status() != other.status()) {
			return false;
		}
		JsonNode primaryJson = parse(primary.body());
		JsonNode otherJson = parse(other.body());
		if (primaryJson == null || otherJson == null) {
			return Arrays.equals(primary.body(), other.body());
		}
		return primaryJson.equals(otherJson);
	}

	private JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException notJson) {
			return null;
		}
	}

	private synchronized boolean mayLog(String route) {
		long now = System.nanoTime();
		Long next = this.nextLogAt.get(route);
		if (next != null && now - next < 0) {
			return false;
		}
		this.nextLogAt.put(route, now + this.logEvery.toNanos());
		return true;
	}

	private static String sample(RecordedAnswer answer) {
		String body = new String(answer.body(), StandardCharsets.UTF_8);
		if (body.length() > SAMPLE_CHARS) {
			body = body.substring(0, SAMPLE_CHARS) + "…";
		}
		return answer.status() + " " + body;
	}

}
