package shop.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ThrowingRunnable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import workshop.cli.manifest.App;
import workshop.contract.HeadlessChromium;
import workshop.contract.ShopClient;

/**
 * The control room page of {@code ./workshop run step-2}, in a real headless browser on
 * the running step: it draws every app of the manifest, its levers kill and start an app
 * (the box turns red, then green again, while the others stay green), a reload shows the
 * same (the page keeps nothing of its own), and its cutover slider moves the storefront's
 * badge. Screenshots go to {@code target/system-tests/control-room/}. Leaves the shop as
 * it found it: every app running, the weight at 0.
 */
class ControlRoomIntegrationTests {

	/** The page polls every second; a kill shows at the next poll. */
	private static final Duration SHOWS_WITHIN = Duration.ofSeconds(5);

	/** Starting an app waits until it is healthy: a cold JVM on a busy machine. */
	private static final Duration STARTS_WITHIN = Duration.ofSeconds(180);

	private static final String GREEN = "rgba(230, 244, 234, 1)";

	private static final String RED = "rgba(251, 227, 228, 1)";

	private final RunningShop running = RunningShop.get();

	private final List<String> apps = this.running.step().session().step().apps().stream().map(App::name).toList();

	private HeadlessChromium chromium;

	private ChromeDriver browser;

	@BeforeEach
	void openTheControlRoom() {
		this.running.cutover().weight(0);
		this.chromium = HeadlessChromium.start();
		this.browser = this.chromium.driver();
		this.browser.get(this.running.step().controlRoomUrl().toString());
	}

	@AfterEach
	void closeTheBrowser() {
		if (this.chromium != null) {
			this.chromium.close();
		}
	}

	@Test
	void drawsEveryAppAndTurnsAKilledAppRedUntilItIsStartedAgain() {
		await("every app of the manifest drawn and up").atMost(SHOWS_WITHIN)
			.untilAsserted(() -> this.apps.forEach((app) -> assertThat(health(app)).as(app).isEqualTo("up")));
		assertThat(this.browser.findElements(By.cssSelector(".box.app"))).hasSize(this.apps.size());
		assertThat(text("server-postgres")).contains("database shop").contains("catalog_service");
		whileShoppersBrowse(() -> {
			assertThat(text("traffic-gateway")).doesNotStartWith("0.0 req/s").contains("req/s");
			assertThat(strokeWidth("arrow-clients-gateway")).isGreaterThan(4);
			assertThat(strokeWidth("arrow-gateway-monolith")).isGreaterThan(4);
		}, "control-room-weight-0.png");

		click("kill-catalog-service");

		await("the killed box red").atMost(SHOWS_WITHIN).untilAsserted(() -> {
			assertThat(health("catalog-service")).isEqualTo("down");
			assertThat(box("catalog-service").getCssValue("background-color")).isEqualTo(RED);
		});
		for (String other : List.of("monolith", "gateway")) {
			assertThat(health(other)).as(other).isEqualTo("up");
			assertThat(box(other).getCssValue("background-color")).as(other).isEqualTo(GREEN);
		}
		assertThat(text("app-catalog-service")).contains("killed (exit 137)").contains("no process");
		screenshot("control-room-killed.png");
		click("app-monolith");
		this.browser.navigate().refresh();
		await("the same picture after a reload").atMost(SHOWS_WITHIN).untilAsserted(() -> {
			assertThat(health("catalog-service")).isEqualTo("down");
			assertThat(health("monolith")).isEqualTo("up");
			assertThat(text("log-app")).isEqualTo("monolith");
		});

		click("start-catalog-service");

		await("the started box green").atMost(STARTS_WITHIN).untilAsserted(() -> {
			assertThat(health("catalog-service")).isEqualTo("up");
			assertThat(box("catalog-service").getCssValue("background-color")).isEqualTo(GREEN);
		});
	}

	@Test
	void movesTheStorefrontsBadgeWithTheWeightSlider() {
		String controlRoom = this.browser.getWindowHandle();
		WebElement slider = element("weight-catalog");
		await("the slider at the gateway's weight").atMost(SHOWS_WITHIN)
			.until(() -> "0%".equals(text("weight-value-catalog")));

		slider.sendKeys(Keys.END);

		await("the gateway at weight 100").atMost(SHOWS_WITHIN)
			.until(() -> gatewayWeight() == 100 && "100%".equals(text("weight-value-catalog")));
		this.browser.switchTo().newWindow(WindowType.TAB);
		this.browser.get(this.running.gatewayUrl().resolve("/").toString());
		await("the badge on catalog-service").atMost(SHOWS_WITHIN)
			.until(() -> "catalog-service".equals(this.browser.findElement(By.id("catalog-served-by")).getText()));

		this.browser.switchTo().window(controlRoom);
		click("app-gateway");
		whileShoppersBrowse(() -> {
			assertThat(strokeWidth("arrow-gateway-catalog-service")).isGreaterThan(4);
			assertThat(text("log-lines")).contains("gateway | ");
		}, "control-room.png");
		click("rollback-catalog");

		await("the gateway back at weight 0").atMost(SHOWS_WITHIN).until(() -> gatewayWeight() == 0);
		this.browser.switchTo().window(otherThan(controlRoom));
		this.browser.navigate().refresh();
		await("the badge back on the monolith").atMost(SHOWS_WITHIN)
			.until(() -> "monolith".equals(this.browser.findElement(By.id("catalog-served-by")).getText()));
	}

	/**
	 * Sends product reads through the gateway, 20 a second, until the page shows what is
	 * expected, then takes a screenshot.
	 * @param expected what the page shows once the reads are counted
	 * @param screenshot the screenshot's file name
	 */
	private void whileShoppersBrowse(ThrowingRunnable expected, String screenshot) {
		ShopClient shop = new ShopClient(this.running.gatewayUrl());
		ScheduledExecutorService shoppers = Executors.newSingleThreadScheduledExecutor();
		shoppers.scheduleAtFixedRate(() -> shop.get("/api/products"), 0, 50, TimeUnit.MILLISECONDS);
		try {
			await("traffic drawn").atMost(Duration.ofSeconds(15)).untilAsserted(expected);
			screenshot(screenshot);
		}
		finally {
			shoppers.shutdownNow();
		}
	}

	private double strokeWidth(String testId) {
		return Double.parseDouble(element(testId).getAttribute("stroke-width"));
	}

	/** The catalog route's weight, as the gateway's cutover endpoint shows it. */
	private int gatewayWeight() {
		return new ShopClient(this.running.gatewayUrl()).get("/actuator/cutover/catalog").json().path("weight").asInt();
	}

	private String health(String app) {
		return box(app).getAttribute("data-health");
	}

	private WebElement box(String app) {
		return element("app-" + app);
	}

	/** Waits for the element: the page draws what the endpoint answers, a poll later. */
	private WebElement element(String testId) {
		By selector = By.cssSelector("[data-testid='" + testId + "']");
		await("[data-testid='" + testId + "'] drawn").atMost(SHOWS_WITHIN)
			.until(() -> !this.browser.findElements(selector).isEmpty());
		return this.browser.findElement(selector);
	}

	private String text(String testId) {
		List<WebElement> found = this.browser.findElements(By.cssSelector("[data-testid='" + testId + "']"));
		return found.isEmpty() ? "" : found.get(0).getText();
	}

	private void click(String testId) {
		await("[data-testid='" + testId + "'] enabled").atMost(SHOWS_WITHIN).until(() -> {
			List<WebElement> found = this.browser.findElements(By.cssSelector("[data-testid='" + testId + "']"));
			return !found.isEmpty() && found.get(0).isEnabled();
		});
		element(testId).click();
	}

	private String otherThan(String window) {
		return this.browser.getWindowHandles()
			.stream()
			.filter((handle) -> !handle.equals(window))
			.findFirst()
			.orElseThrow();
	}

	private void screenshot(String name) {
		Path folder = Path.of(System.getProperty("shop.system-tests.logs", "target/system-tests"), "control-room");
		try {
			Files.createDirectories(folder);
			Path shot = this.browser.getScreenshotAs(OutputType.FILE).toPath();
			Files.move(shot, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
