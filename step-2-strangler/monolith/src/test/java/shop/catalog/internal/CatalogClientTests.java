package shop.catalog.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

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

/**
 * The catalog client against a real HTTP server playing the catalog service: it prices
 * what the service sells, tries again when the service fails, and gives up with
 * {@link CatalogUnavailableException} when it refuses, fails or hangs on every attempt.
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

	private static CatalogClient client(String url, Duration timeout, int attempts) {
		ShopProperties properties = new ShopProperties(new ShopProperties.Admin("admin", "admin"),
				new ShopProperties.Payments(100000),
				new ShopProperties.Events(Duration.ofHours(1), Duration.ofMinutes(10)),
				new ShopProperties.Catalog(url, timeout, attempts, Duration.ofMillis(10)));
		return new CatalogClient(RestClient.builder(), properties);
	}

	/** A port nothing listens on: bound once by the OS, then released. */
	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
