package shop.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The gateway routes; it does not do the shop's business.
 */
class NoDomainCodeTests {

	private static final JavaClasses GATEWAY = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("shop.gateway");

	// A business rule in the gateway is a second place to change it, shared by every
	// team.
	static final ArchRule gateway_holds_no_domain_code = noClasses().that()
		.resideInAPackage("shop.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("shop.catalog..", "shop.orders..", "shop.inventory..", "shop.payments..");

	// The gateway owns no data, so no service's schema is ever tied to it.
	static final ArchRule gateway_touches_no_database = noClasses().that()
		.resideInAPackage("shop.gateway..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..", "org.springframework.jdbc..",
				"org.springframework.data..", "org.hibernate..");

	@Test
	void gatewayHoldsNoDomainCode() {
		gateway_holds_no_domain_code.check(GATEWAY);
	}

	@Test
	void gatewayTouchesNoDatabase() {
		gateway_touches_no_database.check(GATEWAY);
	}

}
