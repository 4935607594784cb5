package workshop.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The system's Chromium, driven headless by its own chromedriver. Both are found by path
 * and never downloaded: Selenium Manager is not asked, so the browser test works offline.
 *
 * <p>
 * Paths come from {@code shop.contract.chromium} and {@code shop.contract.chromedriver}
 * (defaults {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, as Debian
 * installs them). When either is missing the browser test is skipped with a one-line
 * message, except in CI (environment variable {@code CI=true}), where it fails.
 */
public final class HeadlessChromium implements AutoCloseable {

	/**
	 * Selenium warns when it has no DevTools (CDP) support matching the browser's
	 * version; the test drives the page through WebDriver only, so the warning is noise.
	 * Held in fields: a logger nobody references may be collected and lose its level.
	 */
	private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

	private static final Logger CHROMIUM_DRIVER = Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver");

	static {
		CDP_VERSION_FINDER.setLevel(Level.SEVERE);
		CHROMIUM_DRIVER.setLevel(Level.SEVERE);
	}

	private final ChromeDriver driver;

	private final Path profile;

	private HeadlessChromium(ChromeDriver driver, Path profile) {
		this.driver = driver;
		this.profile = profile;
	}

	/**
	 * Starts Chromium with a fresh profile, or skips (fails in CI) when it is not
	 * installed.
	 * @return the running browser; close it to stop it and delete its profile
	 */
	public static HeadlessChromium start() {
		Path chromium = Path.of(System.getProperty("shop.contract.chromium", "/usr/bin/chromium"));
		Path chromedriver = Path.of(System.getProperty("shop.contract.chromedriver", "/usr/bin/chromedriver"));
		requireExecutable(chromium, "Chromium");
		requireExecutable(chromedriver, "chromedriver");
		Path profile = createProfile();
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--window-size=1280,1024", "--user-data-dir=" + profile);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver.toFile())
			.usingAnyFreePort()
			.build();
		return new HeadlessChromium(new ChromeDriver(service, options), profile);
	}

	/**
	 * The browser, to drive.
	 * @return the driver, never null
	 */
	public ChromeDriver driver() {
		return this.driver;
	}

	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private static void requireExecutable(Path path, String what) {
		if (Files.isExecutable(path)) {
			return;
		}
		String message = what + " not found at " + path
				+ ": install it (Debian: apt-get install chromium chromium-driver) or point -Dshop.contract."
				+ what.toLowerCase() + " at it";
		if ("true".equals(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.abort("Storefront test skipped. " + message);
	}

	private static Path createProfile() {
		try {
			return Files.createTempDirectory("shop-contract-chromium-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create a Chromium profile directory", ex);
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot delete the Chromium profile " + this.profile, ex);
		}
	}

}
