package shop.payments;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decline limit changes while the payment service runs: a new value in the
 * configuration, {@code POST /actuator/refresh} as the administrator, and the next
 * authorization uses it. The new value comes as a system property here, which a refresh
 * reads again like the config server's files.
 */
class RefreshedLimitIntegrationTests extends PaymentServiceIntegrationTest {

	private static final String LIMIT = "shop.payments.decline-above";

	private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@AfterEach
	void packagedLimitAgain() throws Exception {
		System.clearProperty(LIMIT);
		assertThat(refresh().statusCode()).isEqualTo(200);
	}

	@Test
	void declinesWhatItAuthorizedOnceTheLimitIsLoweredAndRefreshed() throws Exception {
		UUID before = UUID.randomUUID();
		send(AUTHORIZE_PAYMENT, before, authorizePayment(before, 50_000));
		awaitAnswer(PAYMENT_AUTHORIZED, before);

		System.setProperty(LIMIT, "40000");
		HttpResponse<String> refreshed = refresh();

		// 200, with the keys that changed: none here, since the system properties the
		// refresh compares are the live ones; it drops the refresh scope's beans all the
		// same
		assertThat(refreshed.statusCode()).isEqualTo(200);
		UUID after = UUID.randomUUID();
		send(AUTHORIZE_PAYMENT, after, authorizePayment(after, 50_000));
		awaitAnswer(PAYMENT_DECLINED, after);
		assertThat(payments(after)).containsExactly("DECLINED");
	}

	private HttpResponse<String> refresh() throws IOException, InterruptedException {
		String login = Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/refresh"))
			.header("Authorization", "Basic " + login)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
