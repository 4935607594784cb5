package shop.systemtests;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import workshop.cli.traces.Span;
import workshop.cli.traces.Trace;
import workshop.cli.traces.TraceStore;
import workshop.contract.HeadlessChromium;
import workshop.contract.Order.NewLine;
import workshop.contract.Order.NewOrder;
import workshop.contract.Product;
import workshop.contract.ShopClient;
import workshop.contract.ShopResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One order, one trace: the apps export their spans over OTLP to the collector of
 * {@code ./workshop run}, and the trace the gateway names in {@code X-Trace-Id} holds the
 * gateway's request, order-service's, the Kafka hop and inventory-service's handling of
 * it, each span under the one that caused it. The storefront's call log links a call to
 * the page that draws its trace.
 */
class TraceIntegrationTests {

	private final RunningShop running = RunningShop.get();

	private final ShopClient shop = new ShopClient(this.running.gatewayUrl());

	@Test
	void anOrderIsOneTraceFromTheGatewayThroughKafkaToTheInventoryService() {
		Product product = this.shop.createProductWithStock("TRACED", 500, 5);
		ShopResponse placed = this.shop.call("POST", "/api/orders")
			.json(NewOrder.of(new NewLine(product.sku(), 1)))
			.send();
		assertThat(placed.status()).as("placing an order: %s", placed).isEqualTo(201);
		String traceId = placed.header("X-Trace-Id").orElseThrow();
		assertThat(placed.header("X-Trace-Page")).hasValueSatisfying((page) -> assertThat(page).endsWith(traceId));
		assertThat(this.shop.awaitFinalOrder(placed.json().path("id").asString()).status()).isEqualTo("CONFIRMED");

		TraceStore traces = this.running.step().session().traces().orElseThrow().store();
		// Each app sends its spans on its own schedule: wait for the last of them.
		Trace trace = await("the spans of trace " + traceId).atMost(Duration.ofSeconds(15))
			.until(() -> traces.trace(traceId), (found) -> found.isPresent() && hasTheOrdersHops(found.get()))
			.orElseThrow();

		Span gateway = find(trace, "gateway", "SERVER", "http post").orElseThrow();
		Span proxied = find(trace, "gateway", "CLIENT", "").orElseThrow();
		Span orders = find(trace, "order-service", "SERVER", "/api/orders").orElseThrow();
		Span send = find(trace, "order-service", "PRODUCER", "inventory.reserve-stock").orElseThrow();
		Span reserve = find(trace, "inventory-service", "CONSUMER", "inventory.reserve-stock").orElseThrow();
		assertThat(gateway.startsTrace()).as("the gateway's span starts the trace").isTrue();
		assertThat(proxied.parentId()).isEqualTo(gateway.spanId());
		assertThat(orders.parentId()).as("order-service continues the gateway's call").isEqualTo(proxied.spanId());
		assertThat(ancestors(trace, send))
			.as("the send happens after the commit, on another thread, in the request's trace")
			.contains(orders.spanId());
		assertThat(reserve.parentId()).as("the consumer continues the trace from the record's headers")
			.isEqualTo(send.spanId());
		assertThat(trace.services()).contains("gateway", "order-service", "inventory-service", "payment-service");
	}

	@Test
	void workshopTracesDrawsTheTraceOfARequest() {
		ShopResponse products = this.shop.get("/api/products");
		String traceId = products.header("X-Trace-Id").orElseThrow();
		TraceStore traces = this.running.step().session().traces().orElseThrow().store();
		// Each app sends its spans on its own schedule: wait for the last of them.
		await("the spans of " + traceId).atMost(Duration.ofSeconds(15))
			.until(() -> traces.trace(traceId)
				.map((trace) -> find(trace, "gateway", "SERVER", "").isPresent()
						&& find(trace, "gateway", "CLIENT", "").isPresent()
						&& find(trace, "catalog-service", "SERVER", "/api/products").isPresent())
				.orElse(false));

		assertThat(this.running.workshop("traces", "--last", "50")).contains(traceId, "gateway -> catalog-service")
			.containsSubsequence(traceId, "KEY FIGURES", "order-service      shop_orders");
		assertThat(this.running.workshop("traces", traceId)).contains("Trace " + traceId, "[server]", "[client]",
				"catalog-service", "Page: http://127.0.0.1:");
	}

	@Test
	void theStorefrontsCallLogLinksACallToItsTracePage() {
		String pages = this.running.step().session().traces().orElseThrow().pagesUrl();
		String link;
		try (HeadlessChromium chromium = HeadlessChromium.start()) {
			WebDriver browser = chromium.driver();
			browser.get(this.running.gatewayUrl().resolve("/").toString());
			// Read in one script: the call log drops its oldest entries as calls come in,
			// so an
			// element found by one command may be gone by the next.
			link = await("a trace link in the call log").atMost(Duration.ofSeconds(15))
				.until(() -> (String) ((JavascriptExecutor) browser).executeScript(
						"const link = document.querySelector(\"[data-testid='call'] a[data-testid='trace']\");"
								+ " return link ? link.href : null;"),
						(href) -> href != null);
		}
		assertThat(link).startsWith(pages);

		ShopClient collector = new ShopClient(URI.create(pages));
		// The page answers once any app's spans arrived; the gateway's may come a batch
		// later.
		await("the linked trace's page, with the gateway's spans").atMost(Duration.ofSeconds(15))
			.until(() -> collector.get(URI.create(link).getPath()),
					(page) -> page.status() == 200 && page.body().contains("gateway"));
	}

	private static boolean hasTheOrdersHops(Trace trace) {
		return find(trace, "gateway", "SERVER", "http post").isPresent()
				&& find(trace, "gateway", "CLIENT", "").isPresent()
				&& find(trace, "order-service", "SERVER", "/api/orders").isPresent()
				&& find(trace, "order-service", "PRODUCER", "inventory.reserve-stock").isPresent()
				&& find(trace, "inventory-service", "CONSUMER", "inventory.reserve-stock").isPresent()
				&& find(trace, "payment-service", "CONSUMER", "payments.authorize-payment").isPresent();
	}

	private static Optional<Span> find(Trace trace, String service, String kind, String name) {
		return trace.spans()
			.stream()
			.filter((span) -> span.service().equals(service) && span.kind().equals(kind) && span.name().contains(name))
			.findFirst();
	}

	/** The ids of a span's parent, its parent's parent, and so on. */
	private static List<String> ancestors(Trace trace, Span span) {
		Map<String, Span> byId = trace.spans()
			.stream()
			.collect(Collectors.toMap(Span::spanId, Function.identity(), (first, second) -> first));
		List<String> ancestors = new java.util.ArrayList<>();
		for (Span parent = byId.get(span.parentId()); parent != null; parent = byId.get(parent.parentId())) {
			ancestors.add(parent.spanId());
		}
		return ancestors;
	}

}
