package shop;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.freeze.FreezingArchRule.freeze;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coupling between the shop's business contexts, checked by a frozen rule whose store
 * ({@code src/test/resources/archunit_store}) is empty: no debt is left. Contexts are
 * packages ({@code shop.catalog}, ...), and a context may use another one's published
 * API, its top-level package, but nothing below it. A new violation fails this test.
 */
class ContextCouplingTests {

	// Contexts must meet through APIs only, or none can ever leave the monolith.
	static final ArchRule no_context_depends_on_another_contexts_internals = classes().that(belongToAContext())
		.should(dependOnlyOnTheirOwnContextOrAnotherContextsApi())
		.as("no context depends on another context's internals");

	@Test
	void hasNoCouplingBetweenContextsLeft() {
		int debt = no_context_depends_on_another_contexts_internals.evaluate(ShopClasses.ALL)
			.getFailureReport()
			.getDetails()
			.size();
		assertThat(debt).as("cross-context dependencies on internals").isZero();

		freeze(no_context_depends_on_another_contexts_internals).check(ShopClasses.ALL);
	}

	@Test
	void seesEveryBusinessContextInTheApplication() {
		Set<String> found = new HashSet<>();
		ShopClasses.ALL.forEach((javaClass) -> contextOf(javaClass).ifPresent(found::add));
		assertThat(found).containsExactlyInAnyOrder("catalog", "inventory", "orders", "payments");
	}

	private static DescribedPredicate<JavaClass> belongToAContext() {
		return DescribedPredicate.describe("belong to a business context",
				(javaClass) -> contextOf(javaClass).isPresent());
	}

	/**
	 * One violation per pair of classes, worded without line numbers so the store stays
	 * stable.
	 */
	private static ArchCondition<JavaClass> dependOnlyOnTheirOwnContextOrAnotherContextsApi() {
		return new ArchCondition<>("depend only on their own context or on another context's API") {

			@Override
			public void check(JavaClass source, ConditionEvents events) {
				String sourceContext = contextOf(source).orElseThrow();
				Set<String> reported = new HashSet<>();
				for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					Optional<String> targetContext = contextOf(target);
					boolean api = target.getPackageName().equals("shop." + targetContext.orElse(""));
					if (targetContext.isPresent() && !targetContext.get().equals(sourceContext) && !api
							&& reported.add(target.getName())) {
						String message = "%s (%s) depends on %s (%s)".formatted(source.getName(), sourceContext,
								target.getName(), targetContext.get());
						events.add(SimpleConditionEvent.violated(dependency, message));
					}
				}
			}

		};
	}

	/**
	 * The business context of a class: the package below {@code shop}. Shared code
	 * ({@code shop.shared}) and the application class belong to none.
	 */
	static Optional<String> contextOf(JavaClass javaClass) {
		String[] packages = javaClass.getPackageName().split("\\.");
		if (packages.length < 2 || !packages[0].equals("shop") || packages[1].equals("shared")) {
			return Optional.empty();
		}
		return Optional.of(packages[1]);
	}

}
