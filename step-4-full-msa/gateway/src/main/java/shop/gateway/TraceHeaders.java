package shop.gateway;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Names the trace of every response in {@code X-Trace-Id}: the id under which the
 * gateway's spans, and every span after them (the backends', the Kafka hops'), were
 * exported. When the step runs with the workshop's trace collector, whose pages
 * {@code ./workshop run} passes as {@code workshop.traces-url}, {@code X-Trace-Page}
 * links to the page that draws the trace: the storefront's call log links each call
 * there.
 */
@Component
public class TraceHeaders implements WebFilter {

	/** The response header that carries the trace id. */
	public static final String TRACE_ID = "X-Trace-Id";

	/** The response header that carries the address of the trace's page. */
	public static final String TRACE_PAGE = "X-Trace-Page";

	private final String pages;

	TraceHeaders(@Value("${workshop.traces-url:}") String pages) {
		this.pages = pages;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			traceId(exchange).ifPresent((traceId) -> {
				HttpHeaders headers = exchange.getResponse().getHeaders();
				headers.set(TRACE_ID, traceId);
				if (!this.pages.isEmpty()) {
					headers.set(TRACE_PAGE, this.pages + traceId);
				}
			});
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/** The trace of the observation that WebFlux opened for this request. */
	private static Optional<String> traceId(ServerWebExchange exchange) {
		return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
			.map((context) -> context.<TracingContext>get(TracingContext.class))
			.map(TracingContext::getSpan)
			.map(Span::context)
			.map((context) -> context.traceId());
	}

}
