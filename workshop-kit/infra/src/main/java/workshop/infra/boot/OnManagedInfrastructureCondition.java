package workshop.infra.boot;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

import workshop.infra.InfraMode;

/**
 * Matches when the workshop provides the servers: {@code workshop.infra} is
 * {@code embedded}, {@code docker} or absent. A value that names no mode fails the
 * context with the valid values.
 */
class OnManagedInfrastructureCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		InfraMode mode = ManagedMode.of(context.getEnvironment());
		if (mode == InfraMode.EXTERNAL) {
			return ConditionOutcome.noMatch("workshop.infra=external: the user's own servers apply");
		}
		return ConditionOutcome.match("workshop.infra=" + mode.value() + ": the workshop provides the servers");
	}

}
