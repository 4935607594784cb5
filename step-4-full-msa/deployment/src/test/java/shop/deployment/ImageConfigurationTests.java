package shop.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import workshop.cli.manifest.App;
import workshop.cli.manifest.ManifestReader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Step 4's images, as Jib builds them from the services' poms. No registry is reachable
 * here, so no base image can be pulled: when tests run, each service's package phase also
 * builds its image on an empty base into {@code target/jib-image.tar} (the
 * {@code image-file} execution of the root pom), and this test reads what Jib wrote.
 * Entry point, ports, user, environment and layers come from the same configuration that
 * {@code -Pimages} pushes; only the base, a JRE, is left out.
 */
class ImageConfigurationTests {

	private static final Path ROOT = Path.of(System.getProperty("workshop.root", "../..")).toAbsolutePath();

	private static final String VERSION = System.getProperty("shop.image.version", "1.0.0-SNAPSHOT");

	/** Each image file read once: a service's is close to 100 MB. */
	private static final Map<String, JibImage> IMAGES = new HashMap<>();

	static List<App> apps() {
		return ManifestReader.read(ROOT.resolve("workshop.yaml")).step("step-4").apps();
	}

	@ParameterizedTest
	@MethodSource("apps")
	void startsTheAppOnItsPortUnderItsName(App app) throws IOException {
		JibImage image = image(app);
		assertThat(image.tags()).containsExactly("shop/" + artifactId(app) + ":" + VERSION);
		assertThat(image.entrypoint()).startsWith("java", "-XX:MaxRAMPercentage=75").endsWith(app.mainClass());
		assertThat(image.exposedPorts()).containsExactly(app.port() + "/tcp");
	}

	@ParameterizedTest
	@MethodSource("apps")
	void runsAsAUserThatIsNotRoot(App app) throws IOException {
		assertThat(image(app).user()).isNotEmpty().isNotIn("0", "root");
	}

	@ParameterizedTest
	@MethodSource("apps")
	void leavesTheServersToThePlatform(App app) throws IOException {
		assertThat(image(app).environment()).contains("WORKSHOP_INFRA=external");
	}

	/**
	 * The libraries change least, the classes most: a code change rebuilds and ships only
	 * the top layers.
	 */
	@ParameterizedTest
	@MethodSource("apps")
	void layersWhatChangesMostOnTop(App app) throws IOException {
		JibImage image = image(app);
		assertThat(image.layers().keySet()).startsWith("dependencies").containsSubsequence("resources", "classes");
		String mainClass = "app/classes/" + app.mainClass().replace('.', '/') + ".class";
		assertThat(image.layers().get("classes")).contains(mainClass);
		assertThat(image.layers().get("resources")).contains("app/resources/application.yml");
		assertThat(image.layers().get("dependencies")).anyMatch((file) -> file.startsWith("app/libs/spring-boot-"))
			.noneMatch((file) -> file.startsWith("app/classes/"));
	}

	private static JibImage image(App app) throws IOException {
		JibImage image = IMAGES.get(app.name());
		if (image == null) {
			image = read(app);
			IMAGES.put(app.name(), image);
		}
		return image;
	}

	private static JibImage read(App app) throws IOException {
		Path tar = ROOT.resolve(app.module()).resolve("target/jib-image.tar");
		assertThat(Files.isRegularFile(tar)).as("%s was not built: run the tests with ./mvnw verify", tar).isTrue();
		return JibImage.read(tar);
	}

	private static String artifactId(App app) {
		return "step-4-" + app.module().substring(app.module().lastIndexOf('/') + 1);
	}

}
