package workshop.cli.traces;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The collector as the apps meet it: the OpenTelemetry SDK's own OTLP/HTTP exporter sends
 * it real spans from two "apps", and the trace comes out whole, its parent links intact,
 * and drawn.
 */
class TraceCollectorTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private TraceCollector collector;

	@BeforeEach
	void start() {
		this.collector = TraceCollector.start();
	}

	@AfterEach
	void stop() {
		this.collector.close();
	}

	@Test
	void spansOfTwoAppsExportedOverOtlpFormOneTraceWithItsParentLinks() throws Exception {
		SdkTracerProvider gateway = provider("gateway");
		SdkTracerProvider orders = provider("order-service");
		io.opentelemetry.api.trace.Span server = gateway.get("test")
			.spanBuilder("http post /api/orders")
			.setSpanKind(SpanKind.SERVER)
			.setAttribute("http.route", "/api/orders")
			.startSpan();
		try (Scope scope = server.makeCurrent()) {
			io.opentelemetry.api.trace.Span child = orders.get("test")
				.spanBuilder("inventory.reserve-stock send")
				.setSpanKind(SpanKind.PRODUCER)
				.startSpan();
			child.setStatus(StatusCode.ERROR);
			child.end();
		}
		server.end();
		gateway.forceFlush().join(5, TimeUnit.SECONDS);
		orders.forceFlush().join(5, TimeUnit.SECONDS);

		String traceId = server.getSpanContext().getTraceId();
		Trace trace = this.collector.store().trace(traceId).orElseThrow();
		assertThat(trace.services()).containsExactly("gateway", "order-service");
		assertThat(trace.lines()).extracting((line) -> line.span().name() + "@" + line.depth())
			.containsExactly("http post /api/orders@0", "inventory.reserve-stock send@1");
		Span root = trace.root();
		Span send = trace.lines().get(1).span();
		assertThat(root.kind()).isEqualTo("SERVER");
		assertThat(root.attributes()).containsEntry("http.route", "/api/orders");
		assertThat(send.parentId()).isEqualTo(root.spanId());
		assertThat(send.kind()).isEqualTo("PRODUCER");
		assertThat(send.error()).isTrue();

		HttpResponse<String> page = get(this.collector.pagesUrl() + traceId);
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("gateway \u2192 order-service", "inventory.reserve-stock send");
		assertThat(get(this.collector.pagesUrl()).body()).contains("href=\"" + traceId + "\"");
		gateway.close();
		orders.close();
	}

	@Test
	void anExportThatIsNoOtlpMessageIsRefusedAndChangesNothing() throws Exception {
		HttpResponse<String> json = post("application/json", "{}".getBytes());
		assertThat(json.statusCode()).isEqualTo(415);
		assertThat(json.body()).contains("application/x-protobuf");
		HttpResponse<String> garbage = post("application/x-protobuf", new byte[] { (byte) 0xff, 0x01, 0x02 });
		assertThat(garbage.statusCode()).isEqualTo(400);
		assertThat(garbage.body()).contains("Not an OTLP ExportTraceServiceRequest");
		assertThat(this.collector.store().latest(10)).isEmpty();
	}

	@Test
	void aTraceNotReceivedIsA404PageThatSaysWhy() throws Exception {
		HttpResponse<String> page = get(this.collector.pagesUrl() + "0af7651916cd43dd8448eb211c80319c");
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).contains("have not arrived");
	}

	@Test
	void aRequestAddressedToAnotherNameIsRefused() throws Exception {
		URI pages = URI.create(this.collector.pagesUrl());
		try (Socket socket = new Socket(pages.getHost(), pages.getPort())) {
			socket.getOutputStream()
				.write(("GET /traces/ HTTP/1.1\r\nHost: attacker.example:" + pages.getPort()
						+ "\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("HTTP/1.1 403");
		}
	}

	@Test
	void theStoreForgetsTheOldestTraceOnceFull() {
		TraceStore store = new TraceStore();
		for (int i = 0; i <= TraceStore.MAX_TRACES; i++) {
			store.add(List.of(new Span("%032x".formatted(i), "%016x".formatted(i), "", "app", "span " + i, "SERVER",
					i * 1_000_000L, i * 1_000_000L + 10, false, java.util.Map.of())));
		}
		assertThat(store.trace("%032x".formatted(0))).isEmpty();
		assertThat(store.latest(1)).extracting(Trace::traceId)
			.containsExactly("%032x".formatted(TraceStore.MAX_TRACES));
	}

	private SdkTracerProvider provider(String service) {
		return SdkTracerProvider.builder()
			.setResource(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
			.addSpanProcessor(SimpleSpanProcessor
				.create(OtlpHttpSpanExporter.builder().setEndpoint(this.collector.exportUrl()).build()))
			.build();
	}

	private HttpResponse<String> get(String url) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String type, byte[] body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.collector.exportUrl()))
			.header("Content-Type", type)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
