package shop;

import java.util.Optional;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/**
 * Each module's persistence code stays in the module's own schema: every entity and every
 * collection table of {@code shop.orders} maps to the schema {@code orders}, and so on.
 * The repositories can only reach those entities ({@code ModularityTests} forbids using
 * another module's internals), so no module reads or writes another one's tables.
 */
class SchemaBoundaryTests {

	// A module that reads another's tables could never take its schema and leave (step
	// 3).
	static final ArchRule modules_map_only_to_their_own_schema = classes().that()
		.areAnnotatedWith(Entity.class)
		.should(mapOnlyToTheSchemaOfTheirModule())
		.as("modules map only to their own schema");

	@Test
	void modulesMapOnlyToTheirOwnSchema() {
		modules_map_only_to_their_own_schema.check(ShopClasses.ALL);
	}

	private static ArchCondition<JavaClass> mapOnlyToTheSchemaOfTheirModule() {
		return new ArchCondition<>("map only to the schema of their module") {

			@Override
			public void check(JavaClass entity, ConditionEvents events) {
				String module = ContextCouplingTests.contextOf(entity).orElse("(no module)");
				String schema = entity.tryGetAnnotationOfType(Table.class).map(Table::schema).orElse("");
				if (!schema.equals(module)) {
					events.add(SimpleConditionEvent.violated(entity,
							"%s of module %s maps to schema '%s'".formatted(entity.getName(), module, schema)));
				}
				for (JavaField field : entity.getFields()) {
					Optional<CollectionTable> table = field.tryGetAnnotationOfType(CollectionTable.class);
					if (table.isPresent() && !table.get().schema().equals(module)) {
						events.add(SimpleConditionEvent.violated(field, "%s of module %s maps to schema '%s'"
							.formatted(field.getFullName(), module, table.get().schema())));
					}
				}
			}

		};
	}

}
