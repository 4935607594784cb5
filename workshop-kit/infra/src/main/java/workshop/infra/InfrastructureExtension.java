package workshop.infra;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link PostgresServer} and {@link KafkaBroker} parameters of JUnit tests from
 * {@link SharedInfrastructure}. Use it through {@link WithInfrastructure}.
 */
public class InfrastructureExtension implements ParameterResolver {

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return type == PostgresServer.class || type == KafkaBroker.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		Class<?> type = parameterContext.getParameter().getType();
		return (type == PostgresServer.class) ? SharedInfrastructure.postgres() : SharedInfrastructure.kafka();
	}

}
