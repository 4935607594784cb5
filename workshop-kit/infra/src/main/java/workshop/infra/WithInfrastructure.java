package workshop.infra;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Lets a JUnit test declare {@link PostgresServer} and {@link KafkaBroker} parameters on
 * its constructor or test methods; they are the JVM's {@link SharedInfrastructure},
 * started once and only when first asked for.
 *
 * <pre class="code">
 * &#064;WithInfrastructure
 * class OrdersTests {
 *
 *     &#064;Test
 *     void storesOrders(PostgresServer postgres) { ... }
 *
 * }
 * </pre>
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(InfrastructureExtension.class)
public @interface WithInfrastructure {

}
