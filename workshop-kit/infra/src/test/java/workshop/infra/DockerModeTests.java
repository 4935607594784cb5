package workshop.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Docker mode asks the engine before Testcontainers does, so that without Docker it fails
 * at once with one line that says what to do.
 */
class DockerModeTests {

	private static final String NO_DOCKER = "workshop.infra=docker, but no Docker engine is running:"
			+ " start Docker, or use workshop.infra=embedded (the default)";

	/**
	 * A bound against hanging in Docker discovery (Testcontainers' own can take minutes),
	 * not a performance assertion: the check is measured in the README.
	 */
	private static final Duration HANG_GUARD = Duration.ofSeconds(20);

	@AfterEach
	void forgetDockerHost() {
		System.clearProperty(DockerSupport.DOCKER_HOST_PROPERTY);
	}

	@Test
	void refusesDockerPostgresInOneLineWhenNoEngineAnswers() {
		System.setProperty(DockerSupport.DOCKER_HOST_PROPERTY, "unix:///nonexistent/docker.sock");

		assertTimeoutPreemptively(HANG_GUARD,
				() -> assertThatExceptionOfType(InfrastructureException.class)
					.isThrownBy(() -> Infrastructure.startPostgres(InfraMode.DOCKER))
					.withMessage(NO_DOCKER));
	}

	@Test
	void refusesDockerKafkaInOneLineWhenNoEngineAnswers() throws IOException {
		System.setProperty(DockerSupport.DOCKER_HOST_PROPERTY, "tcp://127.0.0.1:" + closedPort());

		assertTimeoutPreemptively(HANG_GUARD,
				() -> assertThatExceptionOfType(InfrastructureException.class)
					.isThrownBy(() -> Infrastructure.startKafka(InfraMode.DOCKER))
					.withMessage(NO_DOCKER));
	}

	@Test
	void findsAnEngineThatAnswersItsPing() throws IOException {
		HttpServer engine = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		engine.createContext("/_ping", (exchange) -> {
			byte[] ok = "OK".getBytes(StandardCharsets.US_ASCII);
			exchange.sendResponseHeaders(200, ok.length);
			try (OutputStream body = exchange.getResponseBody()) {
				body.write(ok);
			}
		});
		engine.start();
		try {
			System.setProperty(DockerSupport.DOCKER_HOST_PROPERTY, "tcp://127.0.0.1:" + engine.getAddress().getPort());

			assertThat(DockerSupport.isDockerAvailable()).isTrue();
		}
		finally {
			engine.stop(0);
		}
	}

	@Test
	void findsNoEngineBehindAClosedPort() throws IOException {
		System.setProperty(DockerSupport.DOCKER_HOST_PROPERTY, "tcp://127.0.0.1:" + closedPort());

		assertThat(DockerSupport.isDockerAvailable()).isFalse();
	}

	@Test
	void refusesToStartServersInExternalMode() {
		assertThatExceptionOfType(InfrastructureException.class)
			.isThrownBy(() -> Infrastructure.startPostgres(InfraMode.EXTERNAL))
			.withMessageContaining("spring.datasource.url")
			.withMessageNotContaining("\n");
		assertThatExceptionOfType(InfrastructureException.class)
			.isThrownBy(() -> Infrastructure.startKafka(InfraMode.EXTERNAL))
			.withMessageContaining("spring.kafka.bootstrap-servers")
			.withMessageNotContaining("\n");
	}

	/** A loopback port nothing listens on (just released). */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
