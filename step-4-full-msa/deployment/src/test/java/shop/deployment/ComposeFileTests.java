package shop.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import workshop.cli.manifest.ManifestReader;
import workshop.cli.manifest.Step;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code step-4-full-msa/compose.yaml} runs the step as {@code workshop.yaml} describes
 * it: every app from its Jib image, ready only when its readiness endpoint says so,
 * started only after what it needs is healthy, within a memory limit. The tests that
 * break the file prove that the checks can fail.
 */
class ComposeFileTests {

	private static final Path ROOT = Path.of(System.getProperty("workshop.root", "../.."));

	private static final Path COMPOSE = ROOT.resolve("step-4-full-msa/compose.yaml");

	private static final String VERSION = System.getProperty("shop.image.version", "1.0.0-SNAPSHOT");

	private final Step step = ManifestReader.read(ROOT.resolve("workshop.yaml")).step("step-4");

	@Test
	void runsEveryAppAsTheManifestDescribesIt() throws IOException {
		assertThat(ComposeFile.parse(Files.readString(COMPOSE)).problems(this.step, VERSION)).isEmpty();
	}

	@Test
	void createsTheDatabaseOfEveryService() throws IOException {
		String script = Files.readString(ROOT.resolve("step-4-full-msa/compose/create-databases.sql"));
		assertThat(this.step.infra().databases())
			.allSatisfy((database) -> assertThat(script).contains("create database " + database + ";"));
	}

	@Test
	void findsAFrontDoorThatOpensBeforeAServiceIsReady() throws IOException {
		String broken = compose().replace("order-service: { condition: service_healthy }",
				"order-service: { condition: service_started }");
		assertThat(ComposeFile.parse(broken).problems(this.step, VERSION))
			.containsExactly("gateway does not wait until order-service is healthy (depends_on order-service:"
					+ " condition: service_healthy)");
	}

	@Test
	void findsAHealthcheckOnTheWrongPort() throws IOException {
		String broken = compose().replace("/dev/tcp/127.0.0.1/8083", "/dev/tcp/127.0.0.1/8084");
		assertThat(ComposeFile.parse(broken).problems(this.step, VERSION)).containsExactly(
				"inventory-service: its healthcheck does not ask GET /actuator/health/readiness on port 8083");
	}

	@Test
	void findsAServiceOnAnotherServicesDatabase() throws IOException {
		String broken = compose().replace("5432/payments", "5432/orders");
		assertThat(ComposeFile.parse(broken).problems(this.step, VERSION)).containsExactly(
				"payment-service: SPRING_DATASOURCE_URL is jdbc:postgresql://postgres:5432/orders, not jdbc:postgresql://postgres:5432/payments");
	}

	@Test
	void findsAContainerWithoutAMemoryLimit() throws IOException {
		String broken = compose().replace("limits: { cpus: \"1.0\", memory: 256M }", "limits: { cpus: \"1.0\" }");
		assertThat(ComposeFile.parse(broken).problems(this.step, VERSION))
			.containsExactly("gateway has no memory limit (deploy.resources.limits.memory)");
	}

	private static String compose() throws IOException {
		return Files.readString(COMPOSE);
	}

}
