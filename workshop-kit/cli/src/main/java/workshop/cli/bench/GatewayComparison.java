package workshop.cli.bench;

import java.time.Duration;
import java.util.List;

/**
 * Everything the direct-vs-gateway comparison of one step measured.
 *
 * @param rate the most requests per second of the fixed-rate (open-loop) latency runs
 * (the {@code --rate}); each request's own rate is in its {@link RequestComparison}
 * @param connections concurrency of the closed-loop throughput runs (saturation)
 * @param rounds how many rounds each side ran, alternating
 * @param round how long each side ran in one round
 * @param requests one comparison per request
 */
record GatewayComparison(int rate, int connections, int rounds, Duration round, List<RequestComparison> requests) {

}
