package shop;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
 * The coupling between the shop's business contexts, frozen. The monolith is packaged by
 * layer, so the contexts (catalog, inventory, orders, payments) are only visible in class
 * names, and nothing stops one from reaching into another. Today's cross-context
 * dependencies are recorded in {@code src/test/resources/archunit_store}: they are the
 * architecture debt that making each context a module pays off. A NEW one fails this
 * test.
 */
class ContextCouplingTests {

	// Contexts must meet through APIs only, or none can ever leave the monolith.
	static final ArchRule no_context_depends_on_another_contexts_classes = classes().that(belongToAContext())
		.should(dependOnlyOnTheirOwnContextOrSharedClasses())
		.as("no context depends on another context's classes");

	@Test
	void addsNoNewCouplingBetweenContexts() {
		int debt = no_context_depends_on_another_contexts_classes.evaluate(ShopClasses.ALL)
			.getFailureReport()
			.getDetails()
			.size();
		assertThat(debt).as("cross-context dependencies: the monolith is coupled on purpose").isPositive();

		freeze(no_context_depends_on_another_contexts_classes).check(ShopClasses.ALL);
	}

	@Test
	void seesEveryBusinessContextInTheApplication() {
		Set<Context> found = new HashSet<>();
		ShopClasses.ALL.forEach((javaClass) -> Context.of(javaClass).ifPresent(found::add));
		assertThat(found).containsExactlyInAnyOrder(Context.values());
	}

	private static DescribedPredicate<JavaClass> belongToAContext() {
		return DescribedPredicate.describe("belong to a business context",
				(javaClass) -> Context.of(javaClass).isPresent());
	}

	/**
	 * One violation per pair of classes, worded without line numbers so the store stays
	 * stable.
	 */
	private static ArchCondition<JavaClass> dependOnlyOnTheirOwnContextOrSharedClasses() {
		return new ArchCondition<>("depend only on their own context or on shared classes") {

			@Override
			public void check(JavaClass source, ConditionEvents events) {
				Context sourceContext = Context.of(source).orElseThrow();
				Set<String> reported = new HashSet<>();
				for (Dependency dependency : source.getDirectDependenciesFromSelf()) {
					JavaClass target = dependency.getTargetClass().getBaseComponentType();
					Optional<Context> targetContext = Context.of(target);
					if (targetContext.isPresent() && targetContext.get() != sourceContext
							&& reported.add(target.getName())) {
						String message = "%s (%s) depends on %s (%s)".formatted(source.getName(), sourceContext.label,
								target.getName(), targetContext.get().label);
						events.add(SimpleConditionEvent.violated(dependency, message));
					}
				}
			}

		};
	}

	/**
	 * The business contexts, told apart by class name: in a monolith packaged by layer
	 * the names are all there is. Classes of no context (money, configuration, filters,
	 * the problem handler) are shared.
	 */
	enum Context {

		CATALOG("catalog", "Product.*|DuplicateSku.*|SkuChange.*"),

		INVENTORY("inventory", "Stock.*|Inventory.*"),

		ORDERS("orders", "Order.*|PlaceOrder|PlacedOrder|Idempotency.*|UnknownSku.*"),

		PAYMENTS("payments", "Payment.*");

		private final String label;

		private final Pattern names;

		Context(String label, String names) {
			this.label = label;
			this.names = Pattern.compile(names);
		}

		static Optional<Context> of(JavaClass javaClass) {
			JavaClass topLevel = javaClass;
			while (topLevel.getEnclosingClass().isPresent()) {
				topLevel = topLevel.getEnclosingClass().get();
			}
			if (!topLevel.getPackageName().startsWith("shop")) {
				return Optional.empty();
			}
			String name = topLevel.getSimpleName();
			for (Context context : values()) {
				if (context.names.matcher(name).matches()) {
					return Optional.of(context);
				}
			}
			return Optional.empty();
		}

	}

}
