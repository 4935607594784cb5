package workshop.cli.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Requests per second, per app and per call between apps, as the control room draws them:
 * {@code GET /api/traffic}. Worked out from two readings of the apps' own counters
 * ({@link MetricCounts}), so the rates are those of the interval between them.
 * <p>
 * A call's rate is what the caller counted as sent to that app (by the port its client
 * names, or everything it sent when it calls one app only). A caller whose client counts
 * nothing it can tell apart (the gateway's proxy) is given what the called app served
 * minus what its other callers sent; that share is marked {@code measured: false}.
 *
 * @param intervalSeconds the time between the two readings, 0 for the first reading
 * @param apps every app, in manifest order
 * @param calls every call of the manifest, in manifest order
 */
public record Traffic(double intervalSeconds, List<AppTraffic> apps, List<CallTraffic> calls) {

	/**
	 * One app's traffic.
	 *
	 * @param name the app
	 * @param requestsPerSecond requests it served per second
	 * @param errorsPerSecond of those, the ones that failed on its side (5xx)
	 * @param scraped whether its metrics answered
	 */
	public record AppTraffic(String name, double requestsPerSecond, double errorsPerSecond, boolean scraped) {
	}

	/**
	 * One call's traffic.
	 *
	 * @param from the calling app
	 * @param to the called app
	 * @param requestsPerSecond requests per second
	 * @param measured true when the caller counted them itself, false when they are what
	 * the called app served less its other callers
	 */
	public record CallTraffic(String from, String to, double requestsPerSecond, boolean measured) {
	}

	/**
	 * An app as the traffic is worked out for it.
	 *
	 * @param name its name
	 * @param port the port it runs on
	 * @param calls the apps it calls
	 */
	record Node(String name, int port, List<String> calls) {
	}

	/**
	 * One reading of every app's counters.
	 *
	 * @param nanos when it was taken ({@link System#nanoTime()})
	 * @param counts each app's counters, missing for an app that did not answer
	 */
	record Reading(long nanos, Map<String, MetricCounts> counts) {
	}

	/**
	 * Works out the rates between two readings.
	 * @param nodes the apps, in manifest order
	 * @param before the earlier reading, or null when there is none yet
	 * @param after the later reading
	 * @return the rates, all 0 without an earlier reading
	 */
	static Traffic between(List<Node> nodes, Reading before, Reading after) {
		double seconds = (before != null) ? (after.nanos() - before.nanos()) / 1e9 : 0;
		Map<String, Node> byName = new LinkedHashMap<>();
		nodes.forEach((node) -> byName.put(node.name(), node));
		List<AppTraffic> apps = new ArrayList<>();
		Map<String, Double> served = new LinkedHashMap<>();
		for (Node node : nodes) {
			MetricCounts now = after.counts().get(node.name());
			MetricCounts then = (before != null) ? before.counts().getOrDefault(node.name(), MetricCounts.NONE) : null;
			double requests = rate(then, now, MetricCounts::served, seconds);
			served.put(node.name(), requests);
			apps.add(
					new AppTraffic(node.name(), requests, rate(then, now, MetricCounts::errors, seconds), now != null));
		}
		List<CallTraffic> calls = new ArrayList<>();
		for (Node node : nodes) {
			MetricCounts now = after.counts().get(node.name());
			MetricCounts then = (before != null) ? before.counts().getOrDefault(node.name(), MetricCounts.NONE) : null;
			for (String callee : node.calls()) {
				calls.add(measuredCall(node, byName.get(callee), then, now, seconds));
			}
		}
		return new Traffic(seconds, List.copyOf(apps), shareTheRest(calls, served));
	}

	private static CallTraffic measuredCall(Node caller, Node callee, MetricCounts then, MetricCounts now,
			double seconds) {
		if (now == null || callee == null) {
			return new CallTraffic(caller.name(), (callee != null) ? callee.name() : "?", 0, now != null);
		}
		int port = callee.port();
		if (now.sentTo(port) >= 0) {
			return new CallTraffic(caller.name(), callee.name(),
					rate(then, now, (counts) -> Math.max(counts.sentTo(port), 0), seconds), true);
		}
		if (caller.calls().size() == 1 && !now.sent().isEmpty()) {
			return new CallTraffic(caller.name(), callee.name(), rate(then, now, MetricCounts::sentInAll, seconds),
					true);
		}
		return new CallTraffic(caller.name(), callee.name(), -1, false);
	}

	/**
	 * Gives the calls nobody measured what their callee served beyond the measured ones.
	 */
	private static List<CallTraffic> shareTheRest(List<CallTraffic> calls, Map<String, Double> served) {
		List<CallTraffic> shared = new ArrayList<>();
		for (CallTraffic call : calls) {
			if (call.requestsPerSecond() >= 0) {
				shared.add(call);
				continue;
			}
			double known = 0;
			int unknown = 0;
			for (CallTraffic other : calls) {
				if (other.to().equals(call.to())) {
					if (other.requestsPerSecond() >= 0) {
						known += other.requestsPerSecond();
					}
					else {
						unknown++;
					}
				}
			}
			double rest = Math.max(served.getOrDefault(call.to(), 0.0) - known, 0);
			shared.add(new CallTraffic(call.from(), call.to(), rest / unknown, false));
		}
		return List.copyOf(shared);
	}

	private static double rate(MetricCounts then, MetricCounts now, ToDoubleFunction<MetricCounts> counter,
			double seconds) {
		if (then == null || now == null || seconds <= 0) {
			return 0;
		}
		double later = counter.applyAsDouble(now);
		double earlier = counter.applyAsDouble(then);
		// A counter that went down belongs to a restarted app: it counts from zero again.
		double delta = (later >= earlier) ? later - earlier : later;
		return delta / seconds;
	}

}
