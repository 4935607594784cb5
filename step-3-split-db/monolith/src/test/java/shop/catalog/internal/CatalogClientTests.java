package shop.catalog.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.RestClient;

import shop.FakeCatalogService;
import shop.catalog.CatalogUnavailableException;
import shop.catalog.OrderableProduct;
import shop.shared.Money;
import shop.shared.config.ShopProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The catalog client against a real HTTP server playing the catalog service: it prices
 * what the service sells, tries a read again when the service fails, and gives up with
 * {@link CatalogUnavailableException} when it refuses, fails or hangs on every attempt. A
 * write is sent once; a problem the service answers is passed on as it came.
 */
class CatalogClientTests {

	static final FakeCatalogService catalogService = FakeCatalogService.start();

	@AfterEach
	void reset() {
		catalogService.reset();
	}

	@AfterAll
	static void stop() {
		catalogService.stop();
	}

	@Test
	void pricesTheActiveProductsTheServiceSells() {
		List<OrderableProduct> found = client(catalogService.url(), Duration.ofSeconds(2), 3)
			.findOrderable(List.of("MUG-CLASSIC", "NO-SUCH-SKU"));

		assertThat(found).containsExactly(new OrderableProduct("MUG-CLASSIC", Money.usd(1250)));
	}

	@Test
	void triesAFailingServiceAgain() {
		catalogService.failNext(2);
		int before = catalogService.requests();

		List<OrderableProduct> found = client(catalogService.url(), Duration.ofSeconds(2), 3)
			.findOrderable(List.of("GRINDER-PRO"));

		assertThat(found).containsExactly(new OrderableProduct("GRINDER-PRO", Money.usd(89900)));
		assertThat(catalogService.requests() - before).isEqualTo(3);
	}

	@Test
	void triesAgainWhenAnAnswerStopsHalfway() {
		catalogService.holdBackBodyOfNext(1);
		int before = catalogService.requests();

		List<OrderableProduct> found = client(catalogService.url(), Duration.ofMillis(500), 3)
			.findOrderable(List.of("GRINDER-PRO"));

		assertThat(found).containsExactly(new OrderableProduct("GRINDER-PRO", Money.usd(89900)));
		assertThat(catalogService.requests() - before).isEqualTo(2);
	}

	@Test
	void givesUpAfterEveryAttemptFailed() {
		catalogService.goDown();
		int before = catalogService.requests();
		CatalogClient client = client(catalogService.url(), Duration.ofSeconds(2), 3);

		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> client.findOrderable(List.of("MUG-CLASSIC")))
			.withMessageContaining("MUG-CLASSIC");
		assertThat(catalogService.requests() - before).isEqualTo(3);
	}

	@Test
	void givesUpWhenNothingListens() throws IOException {
		CatalogClient client = client("http://127.0.0.1:" + freePort(), Duration.ofSeconds(2), 2);

		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> client.findOrderable(List.of("MUG-CLASSIC")));
	}

	@Test
	void givesUpOnAServiceThatDoesNotAnswerInTime() {
		catalogService.stall();
		CatalogClient client = client(catalogService.url(), Duration.ofMillis(200), 1);

		assertThatExceptionOfType(CatalogUnavailableException.class)
			.isThrownBy(() -> client.findOrderable(List.of("MUG-CLASSIC")));
	}

	@Test
	void triesAFailingProductReadAgain() {
		catalogService.failNext(2);
		int before = catalogService.requests();

		Product mug = client(catalogService.url(), Duration.ofSeconds(2), 3).find(catalogService.idOf("MUG-CLASSIC"));

		assertThat(mug.getSku()).isEqualTo("MUG-CLASSIC");
		assertThat(mug.getPrice()).isEqualTo(Money.usd(1250));
		assertThat(catalogService.requests() - before).isEqualTo(3);
	}

	@Test
	void sendsAWriteOnceEvenWhenItFails() {
		catalogService.failNext(1);
		int before = catalogService.requests();
		CatalogClient client = client(catalogService.url(), Duration.ofSeconds(2), 3);
		ProductDetails towel = new ProductDetails("TOWEL-ONCE", "Tea towel", null, Money.usd(900), true);

		assertThatExceptionOfType(CatalogUnavailableException.class).isThrownBy(() -> client.create(towel))
			.withMessageContaining("TOWEL-ONCE");
		assertThat(catalogService.callsAfter(before)).extracting(FakeCatalogService.Call::method)
			.containsExactly("POST");
	}

	@Test
	void passesTheServicesProblemOnAsItCame() {
		String problem = "{\"type\": \"https://workshop.example/problems/product-not-found\", \"status\": 404}";
		catalogService.answerNext(404, "application/problem+json", problem);
		int before = catalogService.requests();
		CatalogClient client = client(catalogService.url(), Duration.ofSeconds(2), 3);

		CatalogProblemException refused = catchThrowableOfType(CatalogProblemException.class,
				() -> client.find(UUID.randomUUID()));

		assertThat(refused.getStatus().value()).isEqualTo(404);
		assertThat(new String(refused.getProblem(), StandardCharsets.UTF_8)).isEqualTo(problem);
		assertThat(catalogService.requests() - before).as("a 404 is not tried again").isEqualTo(1);
	}

	@Test
	void countsARefusedLoginAsUnavailableAndSaysWhatToSet() {
		catalogService.answerNext(401, "application/problem+json", "{\"status\": 401}");
		CatalogClient client = client(catalogService.url(), Duration.ofSeconds(2), 3);
		ProductDetails towel = new ProductDetails("TOWEL-LOGIN", "Tea towel", null, Money.usd(900), true);

		assertThatExceptionOfType(CatalogUnavailableException.class).isThrownBy(() -> client.create(towel))
			.withMessageContaining("shop.catalog.username");
	}

	@Test
	void sendsEachSkuEncodedAndNoLoginWithReads() {
		int before = catalogService.requests();

		client(catalogService.url(), Duration.ofSeconds(2), 3).findOrderable(List.of("MUG-CLASSIC&GRINDER-PRO", "X Y"));

		FakeCatalogService.Call call = catalogService.callsAfter(before).get(0);
		assertThat(call.query()).isEqualTo("sku=MUG-CLASSIC%26GRINDER-PRO&sku=X%20Y");
		assertThat(call.authorization()).as("reads need no administrator").isNull();
	}

	private static CatalogClient client(String url, Duration timeout, int attempts) {
		ShopProperties properties = new ShopProperties(new ShopProperties.Admin("admin", "admin"),
				new ShopProperties.Payments(100000),
				new ShopProperties.Events(Duration.ofHours(1), Duration.ofMinutes(10)),
				new ShopProperties.Catalog(url, timeout, attempts, Duration.ofMillis(10), FakeCatalogService.USERNAME,
						FakeCatalogService.PASSWORD));
		return new CatalogClient(RestClient.builder(), properties);
	}

	/** A port nothing listens on: bound once by the OS, then released. */
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
