package workshop.cli.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading {@code workshop.yaml}, and the messages for a manifest that does not say what
 * is needed.
 */
class ManifestReaderTests {

	private static final String TWO_STEPS = """
			steps:
			  - id: step-0
			    dir: step-0-monolith
			    title: Layered monolith
			    infra:
			      postgres:
			        databases: [shop]
			      kafka: false
			    frontDoor: http://localhost:8080/
			    apps:
			      - name: monolith
			        module: step-0-monolith
			        mainClass: shop.ShopApplication
			        port: 8080
			        database: shop
			        health: /actuator/health/readiness
			    lineage: {}
			  - id: step-2
			    dir: step-2-strangler
			    infra:
			      postgres:
			        databases: [shop, catalog]
			      kafka: true
			      traces: management.opentelemetry.tracing.export.otlp.endpoint
			    apps:
			      - name: gateway
			        module: step-2-strangler/gateway
			        mainClass: shop.gateway.GatewayApplication
			        port: 8080
			        jvmOptions: [-Xmx128m]
			        calls:
			          catalog-service: shop.gateway.catalog-url
			        status: [/actuator/cutover]
			      - name: catalog-service
			        module: step-2-strangler/catalog-service
			        mainClass: shop.catalog.CatalogApplication
			        port: 8082
			        database: shop
			        databases:
			          catalog: shop.catalog.database
			    lineage:
			      step-2-strangler/gateway: step-0-monolith
			      step-2-strangler/catalog-service:
			        from: step-0-monolith
			        paths: [pom.xml, src/main/java/shop/catalog/]
			        leaveOut: [README.md]
			    bench:
			      measures: [read-products, gateway-overhead]
			      targets:
			        gateway-p99-factor: 1.5
			        app-startup-seconds: 6
			""";

	@TempDir
	Path dir;

	@Test
	void readsStepsAppsInfrastructureAndLineage() throws IOException {
		Manifest manifest = ManifestReader.read(write(TWO_STEPS));

		assertThat(manifest.steps()).extracting(Step::id).containsExactly("step-0", "step-2");
		Step monolith = manifest.step("step-0");
		assertThat(monolith.infra()).isEqualTo(new InfraNeeds(true, List.of("shop"), false));
		assertThat(monolith.apps()).containsExactly(new App("monolith", "step-0-monolith", "shop.ShopApplication", 8080,
				"shop", "/actuator/health/readiness", List.of(), Map.of(), List.of()));
		Step strangler = manifest.step("step-2");
		assertThat(strangler.infra()).isEqualTo(new InfraNeeds(true, List.of("shop", "catalog"), true,
				"management.opentelemetry.tracing.export.otlp.endpoint"));
		assertThat(strangler.apps().get(0).jvmOptions()).containsExactly("-Xmx128m");
		assertThat(strangler.apps().get(0).calls()).isEqualTo(Map.of("catalog-service", "shop.gateway.catalog-url"));
		assertThat(strangler.apps().get(0).status()).containsExactly("/actuator/cutover");
		assertThat(strangler.apps().get(0).hasCutover()).as("a gateway that lists /actuator/cutover").isTrue();
		assertThat(strangler.apps().get(1).hasCutover()).as("an app that lists no status").isFalse();
		assertThat(strangler.frontDoorApp().name()).isEqualTo("gateway");
		assertThat(strangler.lineage()).isEqualTo(Map.of("step-2-strangler/gateway", Ancestor.whole("step-0-monolith"),
				"step-2-strangler/catalog-service", new Ancestor("step-0-monolith",
						List.of("pom.xml", "src/main/java/shop/catalog/"), List.of("README.md"))));
		assertThat(strangler.modules()).containsExactly("step-2-strangler/gateway", "step-2-strangler/catalog-service");
	}

	@Test
	void readsTheFurtherDatabasesOfAnAppWithTheirPropertyPrefixes() throws IOException {
		Step strangler = ManifestReader.read(write(TWO_STEPS)).step("step-2");

		assertThat(strangler.apps().get(1).database()).isEqualTo("shop");
		assertThat(strangler.apps().get(1).databases()).isEqualTo(Map.of("catalog", "shop.catalog.database"));
		assertThat(strangler.apps().get(0).databases()).isEmpty();
	}

	@Test
	void rejectsAFurtherDatabaseTheStepDoesNotCreate() throws IOException {
		Path file = write(TWO_STEPS.replace("catalog: shop.catalog.database", "orders: shop.orders.database"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps.catalog-service.databases names 'orders', which is no database "
					+ "of this step: add it to infra.postgres.databases.");
	}

	@Test
	void rejectsAFurtherDatabaseWithoutAPropertyPrefix() throws IOException {
		Path file = write(TWO_STEPS.replace("catalog: shop.catalog.database", "catalog: 5"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps[1].databases.catalog must name the Spring property prefix for "
					+ "catalog's connection settings, such as shop.catalog.database.");
	}

	@Test
	void readsWhatTheBenchMeasuresAndTheTargets() throws IOException {
		Manifest manifest = ManifestReader.read(write(TWO_STEPS));

		assertThat(manifest.step("step-2").bench())
			.isEqualTo(new BenchPlan(List.of("read-products", "gateway-overhead"),
					Map.of("gateway-p99-factor", 1.5, "app-startup-seconds", 6.0)));
		assertThat(manifest.step("step-0").bench()).isEqualTo(BenchPlan.NONE);
	}

	@Test
	void readsWhatTheBenchAddsToAnAppsCommandLine() throws IOException {
		Path file = write(TWO_STEPS.replace("      measures: [read-products, gateway-overhead]\n",
				"      measures: [read-products, gateway-overhead]\n      arguments:\n"
						+ "        gateway: [--shop.gateway.rate-limit.requests-per-second=1000000]\n"));

		assertThat(ManifestReader.read(file).step("step-2").bench().arguments())
			.isEqualTo(Map.of("gateway", List.of("--shop.gateway.rate-limit.requests-per-second=1000000")));
	}

	@Test
	void rejectsBenchArgumentsForAnAppTheStepDoesNotHave() throws IOException {
		Path file = write(TWO_STEPS.replace("      measures: [read-products, gateway-overhead]\n",
				"      measures: [read-products, gateway-overhead]\n      arguments:\n"
						+ "        front-door: [--server.port=9090]\n"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].bench.arguments names 'front-door', which is no app of this step.");
	}

	@Test
	void rejectsATargetThatIsNotANumber() throws IOException {
		Path file = write(TWO_STEPS.replace("gateway-p99-factor: 1.5", "gateway-p99-factor: fast"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].bench.targets.gateway-p99-factor is 'fast': it must be a number.");
	}

	@Test
	void fillsInTheOptionalFields() throws IOException {
		Step strangler = ManifestReader.read(write(TWO_STEPS)).step("step-2");

		assertThat(strangler.title()).isEqualTo("step-2");
		assertThat(strangler.frontDoor()).isEqualTo("http://localhost:8080/");
		assertThat(strangler.apps().get(0).database()).isNull();
		assertThat(strangler.apps().get(1).jvmOptions()).isEmpty();
		assertThat(strangler.apps().get(0).healthUrl()).isEqualTo("http://localhost:8080/actuator/health/readiness");
	}

	@Test
	void readsTheRealManifestOfTheWorkshop() {
		Path real = Path.of("../../workshop.yaml");

		Manifest manifest = ManifestReader.read(real);

		assertThat(manifest.steps()).isNotEmpty();
		assertThat(manifest.step("step-0").apps()).extracting(App::mainClass).contains("shop.ShopApplication");
	}

	@Test
	void namesTheValidStepsForAnUnknownOne() throws IOException {
		Manifest manifest = ManifestReader.read(write(TWO_STEPS));

		assertThatThrownBy(() -> manifest.step("step-9")).isInstanceOf(ManifestException.class)
			.hasMessage("Unknown step 'step-9'. Valid steps: step-0, step-2.");
	}

	@Test
	void namesTheEntryAndTheFieldThatIsMissing() throws IOException {
		Path file = write(TWO_STEPS.replace("        port: 8082\n", ""));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps[1] has no 'port': add the HTTP port the app listens on, "
					+ "such as 'port: 8080'.");
	}

	@Test
	void namesAMissingRequiredText() throws IOException {
		Path file = write(TWO_STEPS.replace("        mainClass: shop.ShopApplication\n", ""));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[0].apps[0] has no 'mainClass': add it (the fields are listed at the top "
					+ "of workshop.yaml).");
	}

	@Test
	void rejectsAPortThatIsNotAPortNumber() throws IOException {
		Path file = write(TWO_STEPS.replace("port: 8082", "port: http"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps[1].port is 'http': it must be a number from 1 to 65535.");
	}

	@Test
	void readsTheKeyMetricsOfAnAppAndRejectsANameThatIsNoMetric() throws IOException {
		Path manifest = write(TWO_STEPS.replace("status: [/actuator/cutover]",
				"status: [/actuator/cutover]\n        metrics: [shop_orders, kafka_consumer_fetch_manager_records_lag_max]"));
		assertThat(ManifestReader.read(manifest).step("step-2").apps().get(0).metrics()).containsExactly("shop_orders",
				"kafka_consumer_fetch_manager_records_lag_max");

		Path broken = write(TWO_STEPS.replace("status: [/actuator/cutover]",
				"status: [/actuator/cutover]\n        metrics: [shop orders]"));
		assertThatThrownBy(() -> ManifestReader.read(broken)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps[0].metrics holds 'shop orders': each must be a Prometheus metric"
					+ " name as /actuator/prometheus writes it, such as shop_outbox_backlog.");
	}

	@Test
	void rejectsAJvmOptionThatIsNotAnOption() throws IOException {
		Path manifest = write(TWO_STEPS.replace("jvmOptions: [-Xmx128m]", "jvmOptions: [Xmx128m]"));

		assertThatThrownBy(() -> ManifestReader.read(manifest)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps[0].jvmOptions holds 'Xmx128m': each must be a JVM option such "
					+ "as -Xmx128m.");
	}

	@Test
	void rejectsACallToAnAppTheStepDoesNotHave() throws IOException {
		Path manifest = write(
				TWO_STEPS.replace("catalog-service: shop.gateway.catalog-url", "monolith: shop.monolith-url"));

		assertThatThrownBy(() -> ManifestReader.read(manifest)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].apps.gateway.calls names 'monolith', which is no app of this step.");
	}

	@Test
	void rejectsALineagePathOutsideTheModule() throws IOException {
		Path file = write(TWO_STEPS.replace("paths: [pom.xml, src/main/java/shop/catalog/]", "paths: [../step-1]"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessage("workshop.yaml: steps[1].lineage.step-2-strangler/catalog-service.paths holds '../step-1': "
					+ "each must be a path inside the module folder, such as src/main/java/shop/catalog/.");
	}

	@Test
	void asksForTheAncestorOfALineageWithPaths() throws IOException {
		Path file = write(TWO_STEPS.replace("        from: step-0-monolith\n", ""));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessageStartingWith(
					"workshop.yaml: steps[1].lineage.step-2-strangler/catalog-service has no 'from': add it");
	}

	@Test
	void rejectsRepeatedStepIds() throws IOException {
		Path file = write(TWO_STEPS.replace("id: step-2", "id: step-0"));

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessageContaining("steps[1].id repeats the step id 'step-0'");
	}

	@Test
	void givesTheLineOfInvalidYaml() throws IOException {
		Path file = write("steps:\n  - id: step-0\n   dir: broken\n");

		assertThatThrownBy(() -> ManifestReader.read(file)).isInstanceOf(ManifestException.class)
			.hasMessageStartingWith("workshop.yaml is not valid YAML at line 3");
	}

	@Test
	void saysWhereToRunFromWhenTheManifestIsMissing() {
		assertThatThrownBy(() -> ManifestReader.read(this.dir.resolve("workshop.yaml")))
			.isInstanceOf(ManifestException.class)
			.hasMessageEndingWith("Run ./workshop from the workshop folder.");
	}

	private Path write(String manifest) throws IOException {
		return Files.writeString(this.dir.resolve("workshop.yaml"), manifest);
	}

}
