package shop.gateway;

import java.time.Duration;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;

import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The timeout and circuit breaker of every backend. A call that takes longer than
 * {@code shop.gateway.timeout} is cancelled; when half of the last 20 calls failed, the
 * breaker opens and the gateway answers at once, without calling, for 10 seconds, then
 * lets a few calls through to see whether the backend is back.
 */
@Configuration(proxyBeanMethods = false)
class Resilience {

	// tag::breakers[]
	@Bean
	Customizer<ReactiveResilience4JCircuitBreakerFactory> breakers(GatewayProperties properties) {
		TimeLimiterConfig timeout = TimeLimiterConfig.custom().timeoutDuration(properties.timeout()).build();
		CircuitBreakerConfig breaker = CircuitBreakerConfig.custom()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(10)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(10))
			.permittedNumberOfCallsInHalfOpenState(3)
			.build();
		return (factory) -> factory
			.configureDefault((id) -> new Resilience4JConfigBuilder(id).timeLimiterConfig(timeout)
				.circuitBreakerConfig(breaker)
				.build());
	}
	// end::breakers[]

}
