package workshop.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * The storefront at {@code /}, driven in a real headless browser: a customer buys a
 * product and sees the order confirmed and which application served it (a badge names the
 * same app as the {@code X-Served-By} of {@code GET /api/products} sent with the
 * browser's cookies). The page is found through its {@code data-testid} attributes only,
 * so its looks may change freely.
 */
public interface StorefrontContract extends ContractSection {

	@Test
	default void letsCustomerBuyProductAndShowsWhoServedIt() {
		Product mug;
		try (HeadlessChromium chromium = HeadlessChromium.start()) {
			mug = shop().createProductWithStock("BROWSER", 1250, 3);
			WebDriver browser = chromium.driver();
			browser.get(shop().baseUrl().resolve("/").toString());

			act(browser, "add-to-cart-" + mug.sku(), WebElement::click);
			String catalogApp = catalogAppFor(browser);
			act(browser, "email", (email) -> {
				email.clear();
				email.sendKeys("grace@example.com");
			});
			act(browser, "place-order", WebElement::click);

			waitFor(browser, "order-status", (status) -> status.getText().contains("CONFIRMED"));
			waitFor(browser, "served-by", (badge) -> badge.getText().equals(catalogApp));
		}
		assertThat(shop().stock(mug.sku())).isEqualTo(new Stock(mug.sku(), 2, 0, 2));
	}

	/**
	 * Which app serves the product list to this browser. Asked with the browser's
	 * cookies: behind a gateway with a sticky cutover (step 2) each client has its side,
	 * and a request without the browser's client cookie could land on the other one.
	 * @param browser the browser, after the page loaded
	 * @return the {@code X-Served-By} of {@code GET /api/products} for this browser
	 */
	private String catalogAppFor(WebDriver browser) {
		ShopCall products = shop().call("GET", "/api/products");
		String cookies = browser.manage()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		if (!cookies.isEmpty()) {
			products.header("Cookie", cookies);
		}
		return products.send().header("X-Served-By").orElse("(no X-Served-By)");
	}

	/**
	 * Waits until the page shows an element that is ready for input, then acts on it.
	 * @param browser the browser
	 * @param testId the element's {@code data-testid}
	 * @param action what to do with the element
	 */
	private static void act(WebDriver browser, String testId, ElementAction action) {
		patiently("the storefront to let us use [data-testid='" + testId + "']").until(() -> {
			List<WebElement> ready = browser.findElements(byTestId(testId))
				.stream()
				.filter((element) -> element.isDisplayed() && element.isEnabled())
				.toList();
			if (ready.isEmpty()) {
				return false;
			}
			action.on(ready.get(0));
			return true;
		});
	}

	/**
	 * Waits until one of the elements with a test id satisfies a condition.
	 * @param browser the browser
	 * @param testId the elements' {@code data-testid}
	 * @param condition what one of them must show
	 */
	private static void waitFor(WebDriver browser, String testId, Predicate<WebElement> condition) {
		patiently("the storefront to show the expected [data-testid='" + testId + "']")
			.until(() -> browser.findElements(byTestId(testId)).stream().anyMatch(condition));
	}

	/**
	 * A wait of at most 10 seconds that retries when the page re-renders an element under
	 * us.
	 * @param what what is awaited, for the failure message
	 * @return the wait
	 */
	private static ConditionFactory patiently(String what) {
		return await(what).atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(100))
			.ignoreException(StaleElementReferenceException.class);
	}

	private static By byTestId(String testId) {
		return By.cssSelector("[data-testid='" + testId + "']");
	}

	/** Something to do with a page element. */
	@FunctionalInterface
	interface ElementAction {

		void on(WebElement element);

	}

}
