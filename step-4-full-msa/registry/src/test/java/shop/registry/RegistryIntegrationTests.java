package shop.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The registry with its workshop timings, over Eureka's own REST API as a service's
 * client uses it: an instance is listed as soon as it registers, and one that stops
 * renewing its lease is dropped within seconds of the lease running out, not after
 * Eureka's production minutes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class RegistryIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void listsAnInstanceAsSoonAsItRegisters() throws Exception {
		assertThat(register("LISTED", 7001, 30).statusCode()).isEqualTo(204);

		HttpResponse<String> listed = get("/eureka/apps/LISTED");
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(listed.body()).contains("\"ipAddr\":\"127.0.0.1\"").contains("\"$\":7001");
	}

	@Test
	void dropsAnInstanceWhoseLeaseRanOut() throws Exception {
		assertThat(register("SILENT", 7002, 2).statusCode()).isEqualTo(204);
		assertThat(get("/eureka/apps/SILENT").statusCode()).isEqualTo(200);

		// A lease of 2 s, never renewed: the eviction runs every second.
		await("the lapsed instance dropped").atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> get("/eureka/apps/SILENT").statusCode() == 404);
	}

	@Test
	void answersItsReadinessProbe() throws Exception {
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	private HttpResponse<String> register(String app, int port, int leaseSeconds)
			throws IOException, InterruptedException {
		String instance = """
				{"instance": {"instanceId": "127.0.0.1:%1$s:%2$d", "app": "%1$s", "hostName": "127.0.0.1",
				  "ipAddr": "127.0.0.1", "status": "UP", "port": {"$": %2$d, "@enabled": "true"},
				  "dataCenterInfo": {"@class": "com.netflix.appinfo.InstanceInfo$DefaultDataCenterInfo", "name": "MyOwn"},
				  "leaseInfo": {"renewalIntervalInSecs": 1, "durationInSecs": %3$d}}}
				"""
			.formatted(app, port, leaseSeconds);
		return HTTP.send(HttpRequest.newBuilder(url("/eureka/apps/" + app))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(instance))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HTTP.send(HttpRequest.newBuilder(url(path)).header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private URI url(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

}
