package workshop.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Answers quickly whether a Docker engine is running, by asking the usual engine sockets
 * for {@code GET /_ping}. Testcontainers' own discovery can take long without Docker;
 * this check runs first so that docker mode fails in about a second with a clear message.
 */
public final class DockerSupport {

	/**
	 * System property naming the one Docker endpoint to probe ({@code unix:///path} or
	 * {@code tcp://host:port}), for unusual setups. Otherwise {@code DOCKER_HOST}, then
	 * the usual sockets of Docker Engine, Docker Desktop, Colima, Rancher Desktop and
	 * Podman.
	 */
	public static final String DOCKER_HOST_PROPERTY = "workshop.docker.host";

	private static final int TIMEOUT_MILLIS = 1500;

	private static final byte[] PING = "GET /_ping HTTP/1.0\r\nHost: docker\r\n\r\n"
		.getBytes(StandardCharsets.US_ASCII);

	private DockerSupport() {
	}

	/**
	 * Whether a Docker engine answers. Takes at most about 1.5 seconds and never throws.
	 * @return {@code true} if an engine answered its ping
	 */
	public static boolean isDockerAvailable() {
		CompletableFuture<Boolean> answer = new CompletableFuture<>();
		Thread prober = new Thread(() -> answer.complete(anyEndpointAnswers()), "workshop-docker-probe");
		prober.setDaemon(true);
		prober.start();
		try {
			return answer.get(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (Exception ex) {
			prober.interrupt();
			return false;
		}
	}

	private static boolean anyEndpointAnswers() {
		for (String endpoint : candidateEndpoints()) {
			if (answersPing(endpoint)) {
				return true;
			}
		}
		return false;
	}

	static List<String> candidateEndpoints() {
		String configured = System.getProperty(DOCKER_HOST_PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("DOCKER_HOST");
		}
		if (configured != null && !configured.isBlank()) {
			return List.of(configured.trim());
		}
		List<String> endpoints = new ArrayList<>();
		if (System.getProperty("os.name", "").startsWith("Windows")) {
			endpoints.add("npipe:////./pipe/docker_engine");
		}
		endpoints.add("unix:///var/run/docker.sock");
		String home = System.getProperty("user.home");
		endpoints.add("unix://" + home + "/.docker/run/docker.sock");
		endpoints.add("unix://" + home + "/.docker/desktop/docker.sock");
		endpoints.add("unix://" + home + "/.colima/default/docker.sock");
		endpoints.add("unix://" + home + "/.rd/docker.sock");
		String runtimeDirectory = System.getenv("XDG_RUNTIME_DIR");
		if (runtimeDirectory != null) {
			endpoints.add("unix://" + runtimeDirectory + "/docker.sock");
			endpoints.add("unix://" + runtimeDirectory + "/podman/podman.sock");
		}
		return endpoints;
	}

	static boolean answersPing(String endpoint) {
		try {
			if (endpoint.startsWith("unix://")) {
				return pingUnixSocket(Path.of(endpoint.substring("unix://".length())));
			}
			if (endpoint.startsWith("tcp://")) {
				URI uri = URI.create(endpoint);
				return pingTcp(uri.getHost(), (uri.getPort() != -1) ? uri.getPort() : 2375);
			}
			if (endpoint.startsWith("npipe://")) {
				return pingNamedPipe(endpoint.substring("npipe://".length()).replace('/', '\\'));
			}
			return false;
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean pingUnixSocket(Path socket) throws IOException {
		if (!Files.exists(socket)) {
			return false;
		}
		try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
			channel.connect(UnixDomainSocketAddress.of(socket));
			channel.write(ByteBuffer.wrap(PING));
			return isSuccess(Channels.newInputStream(channel));
		}
	}

	private static boolean pingTcp(String host, int port) throws IOException {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
			socket.setSoTimeout(TIMEOUT_MILLIS);
			OutputStream out = socket.getOutputStream();
			out.write(PING);
			out.flush();
			return isSuccess(socket.getInputStream());
		}
	}

	private static boolean pingNamedPipe(String pipe) throws IOException {
		try (RandomAccessFile channel = new RandomAccessFile(pipe, "rw")) {
			channel.write(PING);
			byte[] status = new byte[12];
			int read = channel.read(status);
			return read > 0 && new String(status, 0, read, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200.*");
		}
	}

	/** Reads the status line: an engine answers its ping with {@code 200}. */
	private static boolean isSuccess(InputStream response) throws IOException {
		byte[] status = response.readNBytes(12);
		return new String(status, StandardCharsets.US_ASCII).matches("HTTP/1\\.[01] 200.*");
	}

}
