package shop;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modular structure of the shop, as Spring Modulith sees it: the modules, their
 * published APIs and their allowed dependencies hold, and there is no cycle. Writes the
 * module documentation for the slides and the README.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(ShopApplication.class);

	// tag::verify[]
	@Test
	void verifiesModularStructure() {
		modules.verify();
	}
	// end::verify[]

	@Test
	void findsOneModulePerContextAndTheSharedOne() {
		assertThat(modules.stream().map((module) -> module.getIdentifier().toString()))
			.containsExactlyInAnyOrder("catalog", "inventory", "orders", "payments", "shared");
	}

	/**
	 * C4 and UML component diagrams (PlantUML) of all modules and of each one, and a
	 * module canvas per module, in {@code target/spring-modulith-docs}.
	 */
	@Test
	void writesDocumentation() {
		Documenter documenter = new Documenter(modules);
		documenter.writeDocumentation();

		Path docs = Path.of("target", "spring-modulith-docs");
		assertThat(docs.resolve("components.puml")).exists();
		assertThat(docs.resolve("module-orders.puml")).exists();
		assertThat(docs.resolve("module-orders.adoc")).exists();
		assertThat(Files.isRegularFile(docs.resolve("all-docs.adoc"))).isTrue();
	}

}
