package shop.gateway;

import java.net.URI;
import java.util.concurrent.Semaphore;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The parallel run of a strangled route: when its policy asks for it, every read (GET) is
 * answered by the side the policy chose, as usual, and then also sent to the other side;
 * {@link AnswerComparison} compares the two answers and counts the mismatches.
 * <p>
 * The client never waits for the other side: the shadow call starts after the client's
 * answer is written, runs in the background, and at most
 * {@code shop.gateway.parallel-run.max-in-flight} run at once; reads beyond that are not
 * compared (counted as {@code shop.gateway.parallel.skipped}).
 */
@Component
public class ParallelRun {

	/** Bodies larger than this are not compared. */
	private static final int MAX_COMPARED_BYTES = 256 * 1024;

	private final Cutover cutover;

	private final WebClient backends;

	private final AnswerComparison comparison;

	private final Semaphore inFlight;

	public ParallelRun(Cutover cutover, WebClient backends, AnswerComparison comparison, GatewayProperties properties) {
		this.cutover = cutover;
		this.backends = backends;
		this.comparison = comparison;
		this.inFlight = new Semaphore(properties.parallelRun().maxInFlight());
	}

	/**
	 * A route filter that compares the route's reads with the other side's answers.
	 * @param route the route whose policy switches the parallel run on and off
	 * @param otherSide base URL of the side that does not serve the client
	 * @return a filter to put on the route
	 */
	public GatewayFilter comparingWith(String route, URI otherSide) {
		// Runs before the filter that writes the backend's answer, so that it writes into
		// the recording response.
		return new OrderedGatewayFilter((exchange, chain) -> {
			if (exchange.getRequest().getMethod() != HttpMethod.GET || !this.cutover.policy(route).parallelRun()) {
				return chain.filter(exchange);
			}
			RecordingResponse recording = new RecordingResponse(exchange.getResponse(), MAX_COMPARED_BYTES);
			return chain.filter(exchange.mutate().response(recording).build())
				.doOnSuccess(
						(done) -> compareInBackground(route, exchange.getRequest(), recording.answer(), otherSide));
		}, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
	}

	private void compareInBackground(String route, ServerHttpRequest request, RecordedAnswer primary, URI otherSide) {
		if (primary == null) {
			return;
		}
		if (!this.inFlight.tryAcquire()) {
			this.comparison.skipped(route);
			return;
		}
		URI shadow = RequestedUris.sameRequestOn(otherSide, request.getURI());
		String read = request.getMethod() + " " + request.getPath();
		shadowRead(shadow, request.getHeaders().getFirst(HttpHeaders.ACCEPT))
			.doFinally((signal) -> this.inFlight.release())
			.subscribe((other) -> this.comparison.compare(route, read, primary, other),
					(failure) -> this.comparison.shadowFailed(route, failure));
	}

	private Mono<RecordedAnswer> shadowRead(URI shadow, String accept) {
		return this.backends.get()
			.uri(shadow)
			.header(HttpHeaders.ACCEPT, (accept != null) ? accept : MediaType.ALL_VALUE)
			.exchangeToMono((answer) -> answer.bodyToMono(byte[].class)
				.defaultIfEmpty(new byte[0])
				.map((body) -> new RecordedAnswer(answer.statusCode().value(), body)));
	}

}
