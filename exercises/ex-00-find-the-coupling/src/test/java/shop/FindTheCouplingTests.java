package shop;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import shop.domain.Money;
import shop.domain.Product;
import shop.repository.ProductRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exercise 00: the rule in step 0's {@code ContextCouplingTests} must see a class of one
 * business context depending on a class of another, and report each such pair the way the
 * freeze store records it.
 */
class FindTheCouplingTests {

	// The monolith's own classes: not its tests, which arrive here in the step's test
	// jar.
	private static final JavaClasses MONOLITH = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption((location) -> !location.contains("-tests.jar"))
		.importPackages("shop");

	@Test
	void catchesTheOrderServiceReadingTheInventoryTables() {
		assertThat(violations(MONOLITH))
			.contains("shop.service.OrderService (orders) depends on shop.repository.StockRepository (inventory)");
	}

	@Test
	void findsEveryDependencyTheFreezeStoreRecords() {
		assertThat(violations(MONOLITH)).containsExactlyInAnyOrderElementsOf(frozenViolations());
	}

	@Test
	void acceptsClassesThatStayInTheirContext() {
		JavaClasses catalogOnly = new ClassFileImporter().importClasses(Product.class, ProductRepository.class,
				Money.class);

		assertThat(violations(catalogOnly)).isEmpty();
	}

	private static List<String> violations(JavaClasses classes) {
		return ContextCouplingTests.no_context_depends_on_another_contexts_classes.evaluate(classes)
			.getFailureReport()
			.getDetails();
	}

	// The store is a properties file naming one file per rule, each holding one frozen
	// violation per line; both come with the step's test resources.
	private static List<String> frozenViolations() {
		Properties rules = new Properties();
		try (InputStream in = resource("archunit_store/stored.rules")) {
			rules.load(in);
			String rule = ContextCouplingTests.no_context_depends_on_another_contexts_classes.getDescription();
			try (InputStream violations = resource("archunit_store/" + rules.getProperty(rule))) {
				return new String(violations.readAllBytes(), StandardCharsets.UTF_8).lines()
					.filter((line) -> !line.isBlank())
					.toList();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String name) {
		InputStream in = FindTheCouplingTests.class.getClassLoader().getResourceAsStream(name);
		assertThat(in).as("%s in step 0's test resources", name).isNotNull();
		return in;
	}

}
