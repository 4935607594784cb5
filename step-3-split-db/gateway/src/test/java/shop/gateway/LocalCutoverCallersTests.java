package shop.gateway;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only callers on the gateway's machine may reach the cutover endpoint. The request's
 * remote address is set by hand here: no traffic leaves this machine.
 */
class LocalCutoverCallersTests {

	private final LocalCutoverCallers filter = new LocalCutoverCallers(
			new GatewayProblems(JsonMapper.builder().build()));

	@Test
	void refusesACallerFromAnotherMachine() {
		MockServerWebExchange exchange = exchangeFrom("192.0.2.10", "/actuator/cutover");
		AtomicBoolean passed = new AtomicBoolean();

		this.filter.filter(exchange, chainThatRecords(passed)).block();

		assertThat(passed).isFalse();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(exchange.getResponse().getBodyAsString().block()).contains("problems/forbidden");
	}

	@Test
	void letsALocalCallerThrough() {
		AtomicBoolean passed = new AtomicBoolean();

		this.filter.filter(exchangeFrom("127.0.0.1", "/actuator/cutover/catalog"), chainThatRecords(passed)).block();

		assertThat(passed).isTrue();
	}

	@Test
	void letsAnyCallerReachTheShop() {
		AtomicBoolean passed = new AtomicBoolean();

		this.filter.filter(exchangeFrom("192.0.2.10", "/api/products"), chainThatRecords(passed)).block();

		assertThat(passed).isTrue();
	}

	private static MockServerWebExchange exchangeFrom(String address, String path) {
		return MockServerWebExchange
			.from(MockServerHttpRequest.get(path).remoteAddress(new InetSocketAddress(address, 40000)));
	}

	private static WebFilterChain chainThatRecords(AtomicBoolean passed) {
		return (exchange) -> {
			passed.set(true);
			return Mono.empty();
		};
	}

}
