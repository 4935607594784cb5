package workshop.cli.traces;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import workshop.cli.WorkshopException;
import workshop.cli.system.LoopbackServer;

/**
 * A trace receiver on a free loopback port, for the apps of a running step: they export
 * their spans to {@code POST /v1/traces} with OTLP/HTTP, as they would to an
 * OpenTelemetry Collector, Jaeger or Tempo, and the spans land in a {@link TraceStore}.
 * It also draws them: {@code GET /traces/} lists the latest traces and
 * {@code GET /traces/<id>} draws one ({@link TracePage}), which the storefront's call log
 * links to.
 * <p>
 * Only this machine can reach it, and only under its own name (the {@code Host} check
 * keeps a page of another site that resolves its name to 127.0.0.1 from reading it).
 */
public final class TraceCollector implements AutoCloseable {

	/** The path OTLP/HTTP exporters send traces to. */
	public static final String EXPORT_PATH = "/v1/traces";

	/** The path of the trace pages. */
	public static final String PAGES_PATH = "/traces/";

	private static final int MAX_BODY = 16 * 1024 * 1024;

	private final TraceStore store = new TraceStore();

	private final LoopbackServer server;

	private TraceCollector(LoopbackServer server) {
		this.server = server;
	}

	/**
	 * Starts receiving.
	 * @return the running collector; close it to stop
	 * @throws WorkshopException when no loopback port can be opened
	 */
	public static TraceCollector start() {
		try {
			TraceCollector collector = new TraceCollector(LoopbackServer.bind("workshop-traces", 2));
			collector.server.serve(collector::handle);
			return collector;
		}
		catch (IOException ex) {
			throw new WorkshopException("Cannot open the trace collector on loopback: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns where the apps send their spans.
	 * @return {@code http://127.0.0.1:<port>/v1/traces}
	 */
	public String exportUrl() {
		return baseUrl() + EXPORT_PATH;
	}

	/**
	 * Returns where the trace pages are.
	 * @return {@code http://127.0.0.1:<port>/traces/}; a trace's id appended names its
	 * page
	 */
	public String pagesUrl() {
		return baseUrl() + PAGES_PATH;
	}

	/**
	 * Returns the traces received so far.
	 * @return the store
	 */
	public TraceStore store() {
		return this.store;
	}

	/** Stops receiving; the traces received are forgotten with it. */
	@Override
	public void close() {
		this.server.close();
	}

	private String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try {
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			if (!this.server.isOwnHost(exchange.getRequestHeaders().getFirst("Host"))) {
				sendText(exchange, 403, "This collector answers only requests addressed to it on loopback.");
			}
			else if (EXPORT_PATH.equals(path) && "POST".equals(method)) {
				receive(exchange);
			}
			else if (path.startsWith(PAGES_PATH) && "GET".equals(method)) {
				String traceId = path.substring(PAGES_PATH.length());
				sendPage(exchange, traceId.isEmpty() ? TracePage.list(this.store.latest(50))
						: this.store.trace(traceId).map(TracePage::trace).orElseGet(() -> TracePage.missing(traceId)));
			}
			else {
				sendText(exchange, 404, "No such resource: " + method + " " + path + ". Spans go to POST " + EXPORT_PATH
						+ "; traces are drawn under " + pagesUrl());
			}
		}
		finally {
			exchange.close();
		}
	}

	/**
	 * Takes one export. An exporter that gets a 4xx does not send the batch again, so a
	 * body that is not an OTLP protobuf message is answered 400 and dropped.
	 */
	private void receive(HttpExchange exchange) throws IOException {
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (type == null || !type.startsWith("application/x-protobuf")) {
			sendText(exchange, 415,
					"Send OTLP as application/x-protobuf (this collector does not read the JSON form).");
			return;
		}
		byte[] body;
		try (InputStream in = decoded(exchange)) {
			body = in.readNBytes(MAX_BODY + 1);
		}
		if (body.length > MAX_BODY) {
			sendText(exchange, 413, "An export of more than 16 MB: send smaller batches.");
			return;
		}
		try {
			this.store.add(OtlpSpans.read(body));
		}
		catch (InvalidProtocolBufferException ex) {
			sendText(exchange, 400, "Not an OTLP ExportTraceServiceRequest: " + ex.getMessage());
			return;
		}
		byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
		exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
		exchange.sendResponseHeaders(200, (answer.length == 0) ? -1 : answer.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer);
		}
	}

	private static InputStream decoded(HttpExchange exchange) throws IOException {
		String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
		InputStream body = exchange.getRequestBody();
		return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(body) : body;
	}

	private static void sendPage(HttpExchange exchange, TracePage.Html page) throws IOException {
		byte[] body = page.body().getBytes(StandardCharsets.UTF_8);
		var headers = exchange.getResponseHeaders();
		headers.set("Content-Type", "text/html; charset=utf-8");
		headers.set("Cache-Control", "no-store");
		headers.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set("Referrer-Policy", "no-referrer");
		exchange.sendResponseHeaders(page.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static void sendText(HttpExchange exchange, int status, String message) throws IOException {
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}
