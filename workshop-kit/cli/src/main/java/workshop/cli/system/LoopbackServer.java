package workshop.cli.system;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * An HTTP server of the workshop command on a free loopback port, with its own daemon
 * threads (a hung request never keeps the command alive), for the control endpoint and
 * the trace collector. Only this machine reaches it, and {@link #isOwnHost} tells a
 * request addressed to it from one a page of another site sent under a name that resolves
 * to 127.0.0.1.
 */
public final class LoopbackServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor;

	private LoopbackServer(HttpServer server, ExecutorService executor) {
		this.server = server;
		this.executor = executor;
	}

	/**
	 * Binds a free loopback port; nothing is answered until {@link #serve}.
	 * @param threadName the name of its threads
	 * @param threads how many requests it answers at once
	 * @return the bound server
	 * @throws IOException when no port can be bound
	 */
	public static LoopbackServer bind(String threadName, int threads) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 32);
		ExecutorService executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(executor);
		return new LoopbackServer(server, executor);
	}

	/**
	 * Starts answering every path with one handler.
	 * @param handler the handler
	 */
	public void serve(HttpHandler handler) {
		this.server.createContext("/", handler);
		this.server.start();
	}

	/**
	 * Returns the bound port.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Returns whether a request's {@code Host} header names this server.
	 * @param host the header's value, possibly null
	 * @return true for {@code 127.0.0.1:<port>} and {@code localhost:<port>}
	 */
	public boolean isOwnHost(String host) {
		return ("127.0.0.1:" + port()).equals(host) || ("localhost:" + port()).equals(host);
	}

	/** Stops answering at once. */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

}
