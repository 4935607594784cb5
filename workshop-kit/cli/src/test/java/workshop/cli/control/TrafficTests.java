package workshop.cli.control;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import workshop.cli.control.Traffic.CallTraffic;
import workshop.cli.control.Traffic.Node;
import workshop.cli.control.Traffic.Reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Requests per second out of two readings of the apps' Prometheus counters, for step 2's
 * shape: a gateway that calls the monolith and the catalog service, and the monolith that
 * calls the catalog service.
 */
class TrafficTests {

	private static final List<Node> STEP_2 = List.of(new Node("catalog-service", 8082, List.of()),
			new Node("monolith", 8081, List.of("catalog-service")),
			new Node("gateway", 8080, List.of("monolith", "catalog-service")));

	@Test
	void readsServedRequestsAndServerErrorsWithoutTheActuatorPaths() {
		MetricCounts counts = MetricCounts
			.parse("""
					# HELP http_server_requests_seconds
					# TYPE http_server_requests_seconds summary
					http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/products"} 40
					http_server_requests_seconds_count{error="none",method="GET",outcome="SERVER_ERROR",status="503",uri="/api/products/{id}"} 2.0
					http_server_requests_seconds_count{error="none",method="GET",outcome="CLIENT_ERROR",status="404",uri="NOT_FOUND"} 3
					http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/actuator/health/readiness"} 500
					http_server_requests_seconds_sum{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/products"} 0.5
					""");

		assertThat(counts.served()).isEqualTo(45);
		assertThat(counts.errors()).isEqualTo(2);
	}

	@Test
	void countsWhatTheGatewaySentToAPortOnceThoughTwoCountersCountIt() {
		MetricCounts gateway = MetricCounts
			.parse("""
					spring_cloud_gateway_requests_seconds_count{outcome="SUCCESSFUL",routeId="catalog",routeUri="http://127.0.0.1:8082"} 30
					spring_cloud_gateway_requests_seconds_count{outcome="SUCCESSFUL",routeId="monolith",routeUri="http://127.0.0.1:8081"} 12
					http_client_requests_seconds_count{client_name="127.0.0.1",uri="http://127.0.0.1:8082/api/products"} 30
					""");

		assertThat(gateway.sentTo(8082)).isEqualTo(30);
		assertThat(gateway.sentTo(8081)).isEqualTo(12);
		assertThat(gateway.sentTo(9999)).isZero();
	}

	@Test
	void givesEachCallItsRateAndTheUnmeasuredCallWhatItsCalleeServedBeyondTheOthers() {
		Reading before = new Reading(0,
				Map.of("catalog-service", served(100), "monolith", sentByMonolith(200, 40), "gateway", served(300)));
		Reading after = new Reading(2_000_000_000L,
				Map.of("catalog-service", served(160), "monolith", sentByMonolith(240, 60), "gateway", served(350)));

		Traffic traffic = Traffic.between(STEP_2, before, after);

		assertThat(traffic.intervalSeconds()).isEqualTo(2.0);
		assertThat(traffic.apps()).extracting("requestsPerSecond").containsExactly(30.0, 20.0, 25.0);
		assertThat(traffic.calls()).containsExactly(new CallTraffic("monolith", "catalog-service", 10, true),
				new CallTraffic("gateway", "monolith", 20, false),
				new CallTraffic("gateway", "catalog-service", 20, false));
	}

	@Test
	void countsARestartedAppFromZeroAndAnAppThatDoesNotAnswerAsSilent() {
		Reading before = new Reading(0,
				Map.of("catalog-service", served(500), "monolith", sentByMonolith(10, 0), "gateway", served(10)));
		Reading after = new Reading(1_000_000_000L, Map.of("catalog-service", served(7), "gateway", served(10)));

		Traffic traffic = Traffic.between(STEP_2, before, after);

		assertThat(traffic.apps().get(0).requestsPerSecond()).isCloseTo(7, within(1e-9));
		assertThat(traffic.apps().get(1).scraped()).isFalse();
		assertThat(traffic.apps().get(1).requestsPerSecond()).isZero();
		assertThat(traffic.calls().get(0)).isEqualTo(new CallTraffic("monolith", "catalog-service", 0, false));
	}

	@Test
	void answersZeroRatesForTheFirstReading() {
		Traffic traffic = Traffic.between(STEP_2, null, new Reading(5, Map.of("gateway", served(1000))));

		assertThat(traffic.intervalSeconds()).isZero();
		assertThat(traffic.apps()).extracting("requestsPerSecond").containsOnly(0.0);
	}

	private static MetricCounts served(double count) {
		return new MetricCounts(count, 0, List.of());
	}

	/** The monolith's client names no port: it calls the catalog service only. */
	private static MetricCounts sentByMonolith(double served, double sent) {
		return new MetricCounts(served, 0, List.of(new MetricCounts.Series("http_client_requests_seconds_count",
				Map.of("client_name", "127.0.0.1"), sent)));
	}

}
