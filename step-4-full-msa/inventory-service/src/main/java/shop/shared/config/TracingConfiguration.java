package shop.shared.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;

/**
 * Keeps a request's trace across the service's own asynchronous hops. An
 * {@code @ApplicationModuleListener} runs on the application task executor after the
 * commit, and what it publishes leaves through the outbox from there; without this
 * decorator that thread starts with no trace, and the trace would end at the commit.
 * Spring Boot gives the decorator to the executor, which then copies the current
 * observation (the span, and the trace id in the log lines) onto the thread that runs
 * each task.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

	@Bean
	ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
		return new ContextPropagatingTaskDecorator();
	}

}
