package shop.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on a free loopback port that plays one app of the shop (such as
 * "catalog-service") for the gateway's tests. It answers every path with
 * {@code X-Served-By: <name>} and a JSON body, and can be stopped and started again on
 * the same port, or slowed down.
 * <p>
 * Every path answers {@code {"app": name, "method": …, "path": …}} with the path as the
 * request line had it, so a test sees who served what; but its readiness probe, which the
 * gateway's load balancer asks every second, answers 200 at once and is not counted.
 */
final class FakeBackend {

	static final String READINESS = "/actuator/health/readiness";

	private final String name;

	private final int port;

	private final ExecutorService workers = Executors.newFixedThreadPool(64);

	private final AtomicInteger requests = new AtomicInteger();

	private volatile String authorization;

	private volatile HttpServer server;

	private volatile CountDownLatch slowness = new CountDownLatch(0);

	private FakeBackend(String name, HttpServer server) {
		this.name = name;
		this.server = server;
		this.port = server.getAddress().getPort();
	}

	static FakeBackend start(String name) {
		FakeBackend backend = new FakeBackend(name, bind(0));
		backend.serve();
		return backend;
	}

	String name() {
		return this.name;
	}

	URI url() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** The requests it answered, its readiness probe left out. */
	int requests() {
		return this.requests.get();
	}

	/** The {@code Authorization} header of the last request it answered, or null. */
	String lastAuthorization() {
		return this.authorization;
	}

	/** Stops answering: connections to the port are refused. */
	void stop() {
		this.server.stop(0);
	}

	/** Answers again, on the same port, as a restarted app would. */
	void restart() {
		this.server = bind(this.port);
		serve();
	}

	/** Holds every answer until {@link #answerNormally()} (or at most a minute). */
	void slowDown() {
		this.slowness = new CountDownLatch(1);
	}

	/** Releases held answers and answers at once again. */
	void answerNormally() {
		this.slowness.countDown();
	}

	private static HttpServer bind(int port) {
		try {
			return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void serve() {
		this.server.setExecutor(this.workers);
		this.server.createContext("/", this::answer);
		this.server.createContext(READINESS, this::ready);
		this.server.start();
	}

	private void ready(HttpExchange exchange) throws IOException {
		byte[] bytes = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	private void answer(HttpExchange exchange) throws IOException {
		this.requests.incrementAndGet();
		this.authorization = exchange.getRequestHeaders().getFirst("Authorization");
		try {
			this.slowness.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		// The request target as sent: URI.getPath() would read the "//api" of "//api/x"
		// as a host.
		String target = exchange.getRequestURI().toString();
		String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
		String body = "{\"app\":\"" + this.name + "\",\"method\":\"" + exchange.getRequestMethod() + "\",\"path\":\""
				+ path + "\"}";
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.getResponseHeaders().set("X-Served-By", this.name);
		exchange.sendResponseHeaders(200, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

}
