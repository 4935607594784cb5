package workshop.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import workshop.cli.WorkshopException;
import workshop.cli.manifest.App;
import workshop.cli.manifest.InfraNeeds;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The direct-vs-gateway comparison and the cutover endpoint, against two real HTTP
 * servers: one plays the gateway (it answers in the name of a backend, or refuses), the
 * other the backend it names.
 */
class GatewayOverheadTests {

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final AtomicInteger gatewayHits = new AtomicInteger();

	private final AtomicInteger backendHits = new AtomicInteger();

	private HttpServer gateway;

	private HttpServer backend;

	private volatile String servedBy = "catalog-service";

	private volatile int weight = 0;

	@BeforeEach
	void startServers() throws IOException {
		this.gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.gateway.createContext("/api/products", (exchange) -> answer(exchange, this.gatewayHits, "[]"));
		this.gateway.createContext("/actuator/cutover", this::cutover);
		this.gateway.setExecutor(Executors.newCachedThreadPool());
		this.gateway.start();
		this.backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.backend.createContext("/api/products", (exchange) -> answer(exchange, this.backendHits, "[]"));
		this.backend.setExecutor(Executors.newCachedThreadPool());
		this.backend.start();
	}

	@AfterEach
	void stopServers() {
		this.gateway.stop(0);
		this.backend.stop(0);
	}

	@Test
	void measuresARequestDirectToTheAppThatServedItAndThroughTheGateway() throws InterruptedException {
		StringWriter progress = new StringWriter();
		GatewayOverhead overhead = new GatewayOverhead(this.client, step(), 100, 2, Duration.ofMillis(250),
				new PrintWriter(progress));

		RequestComparison products = overhead.compare("GET /api/products", request(this.gateway, "/api/products"), 200,
				(direct) -> 1000);

		assertThat(products.backend()).isEqualTo("catalog-service");
		assertThat(products.rate()).as("the --rate, under half of what is sustained").isEqualTo(100);
		assertThat(products.directAtRate()).hasSize(GatewayOverhead.ROUNDS);
		assertThat(products.gatewaySaturated()).hasSize(GatewayOverhead.ROUNDS);
		assertThat(products.directErrors()).isZero();
		assertThat(products.gatewayErrors()).isZero();
		long direct = products.directAtRate().stream().mapToLong((round) -> round.latencies().getTotalCount()).sum()
				+ products.directSaturated().stream().mapToLong((round) -> round.latencies().getTotalCount()).sum();
		assertThat(this.backendHits).as("every direct request reached the backend's port").hasValue((int) direct);
		assertThat(this.gatewayHits.get()).isGreaterThan(GatewayOverhead.ROUNDS * 5);
		assertThat(products.throughputShare()).isPositive();
		assertThat(progress.toString()).contains("GET /api/products", "direct (catalog-service) / gateway");
	}

	@Test
	void refusesARequestTheGatewayAnswersItself() {
		this.servedBy = "gateway";
		GatewayOverhead overhead = new GatewayOverhead(this.client, step(), 100, 1, Duration.ofMillis(100),
				new PrintWriter(new StringWriter()));

		assertThatExceptionOfType(WorkshopException.class)
			.isThrownBy(() -> overhead.compare("GET /api/products", request(this.gateway, "/api/products"), 200,
					(direct) -> 1000))
			.withMessageContaining("served by 'gateway', not by a backend of step-x");
	}

	@Test
	void measuresLatencyAtNoMoreThanHalfOfWhatIsSustained() {
		assertThat(GatewayOverhead.moderateRate(200, 2217)).isEqualTo(200);
		assertThat(GatewayOverhead.moderateRate(200, 401)).isEqualTo(200);
		assertThat(GatewayOverhead.moderateRate(200, 399)).isEqualTo(199);
		assertThat(GatewayOverhead.moderateRate(200, 25)).isEqualTo(12);
		assertThat(GatewayOverhead.moderateRate(200, 0.5)).isEqualTo(1);
	}

	@Test
	void sendsTheSameRequestToTheBackendsPort() {
		HttpRequest viaGateway = HttpRequest.newBuilder(URI.create("http://localhost:8080/api/products?sku=A"))
			.header("Accept", "application/json")
			.build();

		HttpRequest direct = GatewayOverhead.sentTo(viaGateway, app("catalog-service", 8082));

		assertThat(direct.uri()).hasToString("http://localhost:8082/api/products?sku=A");
		assertThat(direct.headers().firstValue("Accept")).hasValue("application/json");
	}

	@Test
	void findsTheGatewayByItsName() {
		assertThat(GatewayOverhead.gatewayOf(step())).map(App::name).hasValue("gateway");
		assertThat(GatewayOverhead.gatewayOf(new Step("solo", "solo", "", InfraNeeds.NONE, "http://localhost:1/",
				List.of(app("monolith", 1)), Map.of())))
			.isEmpty();
	}

	@Test
	void readsAndSetsTheCutoverWeight() {
		CutoverControl cutover = new CutoverControl(this.client, GatewayOverhead.gatewayOf(step()).orElseThrow(),
				GatewayOverhead.CATALOG_ROUTE);

		assertThat(cutover.weight()).isZero();
		cutover.setWeight(100);
		assertThat(this.weight).isEqualTo(100);
		assertThat(cutover.weight()).isEqualTo(100);
	}

	@Test
	void leavesAGatewayWithoutACutoverAsItRoutes() {
		Step withCutover = step(List.of(App.CUTOVER));
		Step withoutCutover = step(List.of());

		assertThat(CutoverControl.of(this.client, withCutover)).isPresent();
		assertThat(CutoverControl.routingWhileMeasuring(withCutover))
			.isEqualTo("Catalog cutover weight 100 while measuring.");
		assertThat(CutoverControl.of(this.client, withoutCutover)).isEmpty();
		assertThat(CutoverControl.routingWhileMeasuring(withoutCutover)).isEqualTo(
				"The gateway has no cutover (no /actuator/cutover under its status in workshop.yaml): each route goes "
						+ "to its one app.");
	}

	@Test
	void saysWhatToDoWhenTheCutoverEndpointIsNotThere() {
		this.gateway.removeContext("/actuator/cutover");
		CutoverControl cutover = new CutoverControl(this.client, GatewayOverhead.gatewayOf(step()).orElseThrow(),
				GatewayOverhead.CATALOG_ROUTE);

		assertThatExceptionOfType(WorkshopException.class).isThrownBy(cutover::weight)
			.withMessageContaining("cutover endpoint http://localhost:" + this.gateway.getAddress().getPort())
			.withMessageContaining("GET answered 404")
			.withMessageContaining("management.endpoints.web.exposure.include: cutover")
			.withMessageNotContaining("\n");
	}

	private Step step() {
		return step(List.of());
	}

	private Step step(List<String> gatewayStatus) {
		return new Step("step-x", "step-x", "A step with a gateway", InfraNeeds.NONE,
				"http://localhost:" + this.gateway.getAddress().getPort() + "/",
				List.of(app("catalog-service", this.backend.getAddress().getPort()),
						new App("gateway", "gateway", "Main", this.gateway.getAddress().getPort(), null, "/ready",
								List.of(), Map.of(), gatewayStatus)),
				Map.of());
	}

	private static App app(String name, int port) {
		return new App(name, name, "Main", port, null, "/ready", List.of(), Map.of(), List.of());
	}

	private static HttpRequest request(HttpServer server, String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + server.getAddress().getPort() + path)).build();
	}

	private void answer(HttpExchange exchange, AtomicInteger hits, String body) throws IOException {
		hits.incrementAndGet();
		exchange.getResponseHeaders().add("X-Served-By", this.servedBy);
		byte[] bytes = body.getBytes();
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** GET shows the catalog route's weight; POST sets it from the body. */
	private void cutover(HttpExchange exchange) throws IOException {
		if (exchange.getRequestMethod().equals("POST")) {
			String body = new String(exchange.getRequestBody().readAllBytes());
			this.weight = Integer.parseInt(body.replaceAll(".*\"weight\":\\s*(\\d+).*", "$1"));
		}
		byte[] bytes = ("{\"route\":\"catalog\",\"weight\":" + this.weight + ",\"parallelRun\":false}").getBytes();
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
