package workshop.slides;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Opens every slide of both built decks in headless Chromium, as a presenter would, and
 * fails on a JavaScript error, a failed request, a resource from outside the deck, a
 * broken image, an empty slide, content past the bottom edge, or text that the deck's
 * bundled fonts have no glyphs for (it would show as boxes, or in whatever font the
 * machine has). Saves the title slide of each deck as {@code target/title-<lang>.png} to
 * look at.
 *
 * <p>
 * The font check is proved to fail by serving the Korean deck without its Korean font
 * files, and without any bundled font declared.
 *
 * <p>
 * Uses the system Chromium and chromedriver (never downloads a browser). Without them the
 * test is skipped locally, and fails when {@code CI=true}.
 */
class DeckInBrowserTests {

	private static final Path CHROMIUM = Path.of(System.getProperty("slides.chromium", "/usr/bin/chromium"));

	private static final Path CHROMEDRIVER = Path
		.of(System.getProperty("slides.chromedriver", "/usr/bin/chromedriver"));

	private static final Path SITE = Path.of("target", "slides");

	/**
	 * {@code -Dslides.png=all} also saves every slide as
	 * {@code target/slide-png/<lang>/NN.png}, to review a deck as the room will see it.
	 */
	private static final boolean EVERY_SLIDE_AS_PNG = "all".equals(System.getProperty("slides.png"));

	private static final String FONT_COVERAGE = resource("font-coverage.js");

	/**
	 * Selenium warns that it has no DevTools support for this Chromium version; the test
	 * does not use DevTools, so only its errors are worth showing. Held in a field so the
	 * setting sticks.
	 */
	private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

	private static DeckServer server;

	private static ChromeDriver browser;

	private static Path profile;

	@BeforeAll
	static void startServerAndBrowser() throws IOException {
		boolean chromiumPresent = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		if (!chromiumPresent && "true".equals(System.getenv("CI"))) {
			fail("Chromium is required on CI: install it with 'apt-get install -y chromium chromium-driver'.");
		}
		if (!chromiumPresent) {
			String skipped = "Skipping the browser check of the slides: no " + CHROMIUM + " or " + CHROMEDRIVER
					+ " (install chromium and chromium-driver to run it).";
			Logger.getLogger(DeckInBrowserTests.class.getName()).warning(skipped);
			assumeTrue(false, skipped);
		}
		assertThat(SITE.resolve("ko/index.html")).as("built deck; run the build through Maven").exists();
		SELENIUM_LOG.setLevel(Level.SEVERE);
		server = DeckServer.start(SITE);
		profile = Files.createTempDirectory("slides-chromium-");
		browser = startChromium(profile);
	}

	@AfterAll
	static void stopServerAndBrowser() throws IOException {
		if (browser != null) {
			browser.quit();
		}
		if (server != null) {
			server.close();
		}
		if (profile != null) {
			deleteRecursively(profile);
		}
	}

	@Test
	void koreanDeckShowsEverySlideWithoutErrors() throws IOException {
		assertThat(walk(server, "ko", Integer.MAX_VALUE, EVERY_SLIDE_AS_PNG, "").problems())
			.as("problems in the ko deck")
			.isEmpty();
	}

	@Test
	void englishDeckShowsEverySlideWithoutErrors() throws IOException {
		assertThat(walk(server, "en", Integer.MAX_VALUE, EVERY_SLIDE_AS_PNG, "").problems())
			.as("problems in the en deck")
			.isEmpty();
	}

	@Test
	void reportsKoreanWithoutGlyphsWhenTheKoreanFontFilesAreMissing() throws IOException {
		try (DeckServer withoutKoreanFont = DeckServer.start(SITE, "/fonts/noto-sans-kr/files/")) {
			List<String> fontProblems = walk(withoutKoreanFont, "ko", 1, false, "").fontProblems();
			assertThat(fontProblems).anySatisfy((problem) -> assertThat(problem).startsWith("ko slide 1 ")
				.contains("no glyph in the deck's fonts for \"모놀리식에서MSA로\""));
			assertThat(fontProblems)
				.anySatisfy((problem) -> assertThat(problem).contains("\"noto sans kr\"").endsWith("failed to load"));
		}
	}

	@Test
	void reportsTextLeftToSystemFontsWhenTheDeckDeclaresNoFont() throws IOException {
		try (DeckServer withoutFonts = DeckServer.start(SITE, "/fonts/")) {
			List<String> fontProblems = walk(withoutFonts, "ko", 1, false, "").fontProblems();
			assertThat(fontProblems).anySatisfy((problem) -> assertThat(problem).startsWith("ko slide 1 ")
				.contains("no glyph in the deck's fonts for \"모놀리식에서MSA로\""));
		}
	}

	@Test
	void reportsCharactersThatNoBundledFontHas() throws IOException {
		String checkMarkInTitle = "Reveal.getSlides()[0].querySelector('h1').append(' \u2713')";
		List<String> fontProblems = walk(server, "ko", 1, false, checkMarkInTitle).fontProblems();
		assertThat(fontProblems).singleElement()
			.asString()
			.startsWith("ko slide 1 ")
			.contains("no glyph in the deck's fonts for \"\u2713\"");
	}

	@Test
	void reportsKoreanLabelsInAnSvgImage() throws IOException {
		String koreanDiagram = """
				const image = document.createElement('img');
				image.src = 'data:image/svg+xml,' + encodeURIComponent(
					'<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text y="30">주문 orders</text></svg>');
				Reveal.getSlides()[0].append(image);
				""";
		List<String> fontProblems = walk(server, "ko", 1, false, koreanDiagram).fontProblems();
		assertThat(fontProblems).singleElement()
			.asString()
			.startsWith("ko slide 1 ")
			.contains("is drawn with the machine's fonts, which may lack \"주문\"");
	}

	/**
	 * What a walk through a deck found: the fonts' problems, and all of them.
	 */
	private record DeckWalk(List<String> fontProblems, List<String> problems) {
	}

	/**
	 * Opens the {@code lang} deck from {@code deckServer}, runs {@code change} on the
	 * page (a test's way to break it), and shows its first {@code slideLimit} slides one
	 * by one.
	 */
	private static DeckWalk walk(DeckServer deckServer, String lang, int slideLimit, boolean everySlideAsPng,
			String change) throws IOException {
		String origin = deckServer.origin();
		browser.get(origin + "/" + lang + "/index.html");
		JavascriptExecutor page = browser;
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
		// the notes plugin is loaded asynchronously: waiting for it proves speaker notes
		// work
		wait.until((driver) -> Boolean.TRUE.equals(page
			.executeScript("return window.Reveal !== undefined && Reveal.isReady() && Reveal.hasPlugin('notes')")));
		page.executeScript("Reveal.configure({ transition: 'none', backgroundTransition: 'none' })");
		page.executeScript(FONT_COVERAGE);
		page.executeScript(change);
		if (slideLimit == Integer.MAX_VALUE) {
			saveScreenshot(Path.of("target", "title-" + lang + ".png"));
		}

		List<String> problems = new ArrayList<>();
		long slideCount = (Long) page.executeScript("return Reveal.getSlides().length");
		assertThat(slideCount).as("slides in the %s deck", lang).isGreaterThan(1);
		for (int index = 0; index < Math.min(slideCount, slideLimit); index++) {
			String problem = (String) page.executeAsyncScript(SHOW_SLIDE_AND_FIND_PROBLEM, index, lang);
			if (problem != null) {
				problems.add(lang + " slide " + (index + 1) + ": " + problem);
			}
			if (everySlideAsPng) {
				saveScreenshot(Path.of("target", "slide-png", lang, "%02d.png".formatted(index + 1)));
			}
		}
		page.executeScript("collectSlideText(document.querySelector('.reveal .slide-number'), arguments[0])",
				lang + " slide number");
		@SuppressWarnings("unchecked")
		List<String> fontProblems = (List<String>) page
			.executeAsyncScript("findTextWithoutGlyphs().then(arguments[0], (error) => arguments[0](['' + error]))");
		problems.addAll(fontProblems);
		problems.addAll(offlineProblems(page, origin));
		browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.WARNING.intValue())
			.map(LogEntry::getMessage)
			.forEach((message) -> problems.add(lang + " console: " + message));
		deckServer.takeFailedRequests().forEach((request) -> problems.add(lang + " server: " + request));
		return new DeckWalk(fontProblems, problems);
	}

	/**
	 * Shows slide {@code arguments[0]} (in the order of Reveal.getSlides()) of the
	 * {@code arguments[1]} deck, remembers its text for the font check, and answers what
	 * is wrong with it, or null: an empty slide, a broken image, content past the bottom
	 * edge. It measures once the fonts the slide asked for have loaded, since they change
	 * the height of its text.
	 */
	private static final String SHOW_SLIDE_AND_FIND_PROBLEM = """
			const [index, lang, answer] = arguments;
			const slide = Reveal.getSlides()[index];
			const indices = Reveal.getIndices(slide);
			Reveal.slide(indices.h, indices.v);
			if (Reveal.getCurrentSlide() !== slide) return answer('could not be shown');
			const title = (slide.querySelector('h1, h2, h3') || slide).textContent.trim().slice(0, 60);
			collectSlideText(slide, lang + ' slide ' + (index + 1) + ' "' + title + '"');
			// laying the slide out asks for the font files its text needs; ready waits for them
			slide.getBoundingClientRect();
			document.fonts.ready.then(() => {
				const visibleText = slide.innerText.trim();
				if (visibleText.length === 0 && !slide.querySelector('img, svg, pre')) return answer('is empty');
				for (const image of slide.querySelectorAll('img')) {
					if (!image.complete || image.naturalWidth === 0) return answer('"' + title + '" has a broken image ' + image.src);
				}
				const bottom = slide.getBoundingClientRect().top + Reveal.getConfig().height * Reveal.getScale();
				for (const element of slide.querySelectorAll('p, li, pre, img, table, svg')) {
					if (element.closest('aside.notes')) continue;
					if (element.getBoundingClientRect().bottom > bottom + 2) return answer('"' + title + '" runs past the bottom edge');
				}
				return answer(null);
			});
			""";

	/**
	 * Every resource the page loaded must come from our own server: the deck works
	 * off-line.
	 */
	private static List<String> offlineProblems(JavascriptExecutor page, String origin) {
		@SuppressWarnings("unchecked")
		List<String> resources = (List<String>) page
			.executeScript("return performance.getEntriesByType('resource').map((entry) => entry.name)");
		return resources.stream()
			.filter((url) -> !url.startsWith(origin + "/"))
			.map((url) -> "loads from outside the deck: " + url)
			.toList();
	}

	/**
	 * Saves what the window shows, once the fonts the page asked for have loaded.
	 */
	private static void saveScreenshot(Path target) throws IOException {
		browser.executeAsyncScript("document.fonts.ready.then(() => arguments[0]())");
		Files.createDirectories(target.getParent());
		Path screenshot = browser.getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(screenshot, target, StandardCopyOption.REPLACE_EXISTING);
	}

	private static ChromeDriver startChromium(Path profile) {
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.build();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,720", "--user-data-dir=" + profile.toAbsolutePath());
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriver chromium = new ChromeDriver(service, options);
		chromium.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
		// the window size includes the browser's frame: grow it until the page itself is
		// 1280x720
		long innerHeight = (Long) chromium.executeScript("return window.innerHeight");
		chromium.manage().window().setSize(new Dimension(1280, (int) (720 + 720 - innerHeight)));
		return chromium;
	}

	private static String resource(String name) {
		try (InputStream script = DeckInBrowserTests.class.getResourceAsStream(name)) {
			return new String(script.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void deleteRecursively(Path directory) throws IOException {
		try (var paths = Files.walk(directory)) {
			for (Path path : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

}
