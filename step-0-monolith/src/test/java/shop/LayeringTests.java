package shop;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * The layers of the monolith, which hold: web calls service, service calls repository,
 * and everyone shares the domain. Layering is not the problem of this app; the coupling
 * between business contexts across the layers is (see {@link ContextCouplingTests}).
 */
class LayeringTests {

	// Each layer calls only the one below, so a change stays out of the layers above.
	static final ArchRule layers_are_called_from_the_top_down = layeredArchitecture()
		.consideringOnlyDependenciesInLayers()
		.layer("Web")
		.definedBy("shop.web..")
		.layer("Service")
		.definedBy("shop.service..")
		.layer("Repository")
		.definedBy("shop.repository..")
		.layer("Domain")
		.definedBy("shop.domain..")
		.layer("Config")
		.definedBy("shop.config..")
		.whereLayer("Web")
		.mayNotBeAccessedByAnyLayer()
		.whereLayer("Service")
		.mayOnlyBeAccessedByLayers("Web")
		.whereLayer("Repository")
		.mayOnlyBeAccessedByLayers("Service")
		.whereLayer("Domain")
		.mayOnlyBeAccessedByLayers("Web", "Service", "Repository")
		.whereLayer("Config")
		.mayOnlyBeAccessedByLayers("Web", "Service");

	// Transactions live in services; a controller using a repository bypasses them.
	static final ArchRule controllers_do_not_use_repositories = noClasses().that()
		.areAnnotatedWith(RestController.class)
		.should()
		.dependOnClassesThat()
		.resideInAPackage("shop.repository..");

	// The domain is the shared vocabulary: it must not know who uses it.
	static final ArchRule domain_depends_on_no_other_layer = noClasses().that()
		.resideInAPackage("shop.domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("shop.web..", "shop.service..", "shop.repository..", "shop.config..");

	// Services speak business, not HTTP, so a message listener could call them too.
	static final ArchRule services_do_not_know_http = noClasses().that()
		.resideInAPackage("shop.service..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

	@Test
	void layersAreCalledFromTheTopDown() {
		layers_are_called_from_the_top_down.check(ShopClasses.ALL);
	}

	@Test
	void controllersDoNotUseRepositories() {
		controllers_do_not_use_repositories.check(ShopClasses.ALL);
	}

	@Test
	void domainDependsOnNoOtherLayer() {
		domain_depends_on_no_other_layer.check(ShopClasses.ALL);
	}

	@Test
	void servicesDoNotKnowHttp() {
		services_do_not_know_http.check(ShopClasses.ALL);
	}

}
